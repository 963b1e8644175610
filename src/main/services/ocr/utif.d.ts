/** The part of utif's API the TIFF reader uses (the package ships no types). */
declare module 'utif' {
  interface Ifd {
    width?: number
    height?: number
    data?: Uint8Array
    [tag: string]: unknown
  }
  const UTIF: {
    decode(buffer: ArrayBuffer | Uint8Array): Ifd[]
    decodeImage(buffer: ArrayBuffer | Uint8Array, ifd: Ifd, ifds?: Ifd[]): void
    toRGBA8(ifd: Ifd): Uint8Array
    /** One RGBA image as a TIFF file (used by the tests to make fixtures). */
    encodeImage(rgba: Uint8Array, width: number, height: number): ArrayBuffer
  }
  export default UTIF
}
