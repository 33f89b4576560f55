// Unit tests run in Node: make the MNIST image set available the way the CLI does.
import { loadImageSetFromDisk } from './nodeImageSets';

loadImageSetFromDisk('mnist');
