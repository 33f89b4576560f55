/**
 * Shareable links. The run configuration (runConfig.ts, versioned) is serialised as JSON,
 * compressed with lz-string into URL-safe characters and stored in the URL fragment:
 *
 *   https://host/path/#c=<compressed>
 *
 * The fragment never reaches a server. decodeLink() accepts a whole URL, a fragment or the bare
 * payload, enforces size limits before and after decompression, and never throws.
 */
import LZString from 'lz-string';
import { defaultRunConfig, toWire, validateRunConfig, type RunConfig, type ValidationResult } from './runConfig';

export const MAX_LINK_CHARS = 100_000;
export const MAX_JSON_CHARS = 400_000;

/** The fragment (without '#') that encodes `config`. */
export function encodeFragment(config: RunConfig): string {
  return 'c=' + LZString.compressToEncodedURIComponent(JSON.stringify(toWire(config)));
}

/** A full link: `base` (e.g. location origin + path) plus the fragment. */
export function encodeLink(config: RunConfig, base: string): string {
  return base.replace(/#.*$/, '') + '#' + encodeFragment(config);
}

/**
 * Decodes a link, fragment or payload. An empty fragment gives the default configuration with
 * no messages; anything unreadable gives the default configuration and a message.
 */
export function decodeLink(text: string): ValidationResult {
  const fail = (msg: string): ValidationResult => ({ config: defaultRunConfig(), messages: [msg] });
  if (typeof text !== 'string') return fail('The link is not text; opened the default experiment instead.');
  if (text.length > MAX_LINK_CHARS) return fail(`The link is too long (${text.length} characters, limit ${MAX_LINK_CHARS}); opened the default experiment instead.`);
  const hashAt = text.indexOf('#');
  let frag = hashAt >= 0 ? text.slice(hashAt + 1) : text;
  if (frag.trim() === '') return { config: defaultRunConfig(), messages: [] };
  const params = new URLSearchParams(frag.startsWith('?') ? frag.slice(1) : frag);
  const payload = params.get('c') ?? (frag.includes('=') ? null : frag);
  if (!payload) return fail('The link has no run settings (expected "#c=…"); opened the default experiment instead.');
  frag = payload.replace(/ /g, '+');
  let json: string | null = null;
  try {
    json = LZString.decompressFromEncodedURIComponent(frag);
  } catch {
    json = null;
  }
  if (!json) return fail('The link could not be decompressed (it may be truncated); opened the default experiment instead.');
  if (json.length > MAX_JSON_CHARS) return fail('The link expands to too much data; opened the default experiment instead.');
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return fail('The link does not contain valid settings (it may be truncated or mistyped); opened the default experiment instead.');
  }
  return validateRunConfig(raw);
}
