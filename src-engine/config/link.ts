/**
 * Shareable links and configuration files. The run configuration (runConfig.ts, versioned, with
 * optional view settings) is serialised as JSON, compressed with lz-string into URL-safe
 * characters and stored in the URL fragment:
 *
 *   https://host/path/#c=<compressed>
 *
 * The fragment never reaches a server. decodeLink() accepts a whole URL, a fragment or the bare
 * payload; decodeConfigFile() reads the same JSON from a downloaded file. Both enforce size
 * limits before any expensive step (the compressed length, then the decoded length computed by
 * a dry run that stops at the limit, so a small "decompression bomb" never inflates) and never throw.
 */
import LZString from 'lz-string';
import { lzDecodedLength } from './lzLength';
import { defaultRunConfig, toWire, validateRunConfig, type RunConfig, type ValidationResult } from './runConfig';
import { defaultView, type ViewConfig } from './viewConfig';

/** Longest link (characters) decodeLink reads: room for the maximum number of recorded changes. */
export const MAX_LINK_CHARS = 100_000;
/** Longest decoded JSON accepted from a link or a file. */
export const MAX_JSON_CHARS = 400_000;
/** Links longer than this are hard to share (chat apps, LMS, slides cut them): offer the file. */
export const SHAREABLE_LINK_CHARS = 2000;

/** The fragment (without '#') that encodes `config` (and the view settings, if any differ from the defaults). */
export function encodeFragment(config: RunConfig, view?: ViewConfig): string {
  return 'c=' + LZString.compressToEncodedURIComponent(JSON.stringify(toWire(config, view)));
}

/** A full link: `base` (e.g. location origin + path) plus the fragment. */
export function encodeLink(config: RunConfig, base: string, view?: ViewConfig): string {
  return base.replace(/#.*$/, '') + '#' + encodeFragment(config, view);
}

/** The configuration file: the same wire JSON as a link, indented for reading. */
export function encodeConfigFile(config: RunConfig, view?: ViewConfig): string {
  return JSON.stringify(toWire(config, view), null, 1) + '\n';
}

const failed = (msg: string): ValidationResult => ({ config: defaultRunConfig(), view: defaultView(), messages: [msg] });

/**
 * Decodes a link, fragment or payload. An empty fragment gives the default configuration with
 * no messages; anything unreadable gives the default configuration and a message.
 */
export function decodeLink(text: string): ValidationResult {
  const fail = (msg: string) => failed(msg);
  if (typeof text !== 'string') return fail('The link is not text; opened the default experiment instead.');
  if (text.length > MAX_LINK_CHARS) return fail(`The link is too long (${text.length} characters, limit ${MAX_LINK_CHARS}); opened the default experiment instead.`);
  const hashAt = text.indexOf('#');
  const frag = hashAt >= 0 ? text.slice(hashAt + 1) : text;
  if (frag.trim() === '') return { config: defaultRunConfig(), view: defaultView(), messages: [] };
  const params = new URLSearchParams(frag.startsWith('?') ? frag.slice(1) : frag);
  const payload = params.get('c') ?? (frag.includes('=') ? null : frag);
  if (!payload) return fail('The link has no run settings (expected "#c=…"); opened the default experiment instead.');
  const size = lzDecodedLength(payload, MAX_JSON_CHARS);
  if (size === Infinity) return fail('The link expands to too much data; opened the default experiment instead.');
  let json: string | null = null;
  if (size > 0) {
    try {
      json = LZString.decompressFromEncodedURIComponent(payload.replace(/ /g, '+'));
    } catch {
      json = null;
    }
  }
  if (!json) return fail('The link could not be decompressed (it may be truncated); opened the default experiment instead.');
  // Belt and braces: the dry run is exact, but never trust one check with untrusted input.
  if (json.length > MAX_JSON_CHARS) return fail('The link expands to too much data; opened the default experiment instead.');
  return parseAndValidate(json, 'The link does not contain valid settings (it may be truncated or mistyped); opened the default experiment instead.');
}

/** Decodes the text of a configuration file (see encodeConfigFile); never throws. */
export function decodeConfigFile(text: string): ValidationResult {
  if (typeof text !== 'string') return failed('The file is not text; nothing was imported.');
  if (text.length > MAX_JSON_CHARS) return failed(`The file is too large (${text.length} characters, limit ${MAX_JSON_CHARS}).`);
  return parseAndValidate(text, 'The file is not a valid configuration (expected the JSON that "Download configuration" writes).');
}

function parseAndValidate(json: string, invalid: string): ValidationResult {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return failed(invalid);
  }
  return validateRunConfig(raw);
}
