/** electron-vite's import suffixes in the main process (`?modulePath` gives a bundled entry's path). */
/// <reference types="electron-vite/node" />
