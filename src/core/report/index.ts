export * from './tables'
export * from './cells'
export * from './sections'
export * from './report'
