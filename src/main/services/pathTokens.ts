/**
 * Opaque tokens for the files the officer chose in a dialog. The renderer gets a token, never the
 * path: a compromised or buggy page can then only refer to files the officer picked in this
 * session, and cannot name any other. Node-only; never imports electron.
 */
import { randomBytes } from 'node:crypto'
import { FileError } from './fileErrors'

/** Enough for a long session of imports and exports; the oldest are forgotten first. */
const DEFAULT_CAPACITY = 500

export const TOKEN_EXPIRED = '该文件的标识已失效，请重新选择文件'

export class PathTokens {
  // A Map keeps insertion order: the first key is the oldest token.
  private readonly paths = new Map<string, string>()

  constructor(private readonly capacity = DEFAULT_CAPACITY) {}

  /** A fresh token for a path (the same path chosen twice gets two tokens). */
  issue(path: string): string {
    const token = newToken()
    this.paths.set(token, path)
    if (this.paths.size > this.capacity) this.paths.delete(this.paths.keys().next().value!)
    return token
  }

  /** A token that stands for no file: what a dropped file or pasted text is referred to by. */
  anonymous(): string {
    return newToken()
  }

  /** The path behind a token; a FileError (in Chinese) for one this session never issued. */
  resolve(token: string): string {
    const path = this.paths.get(token)
    if (path === undefined) throw new FileError(TOKEN_EXPIRED)
    return path
  }

  /** Every path handed out so far: what must never appear in anything sent to the renderer. */
  knownPaths(): string[] {
    return [...this.paths.values()]
  }
}

/** 128 random bits, base64url: 22 characters (the contract's TOKEN_PATTERN). */
function newToken(): string {
  return randomBytes(16).toString('base64url')
}
