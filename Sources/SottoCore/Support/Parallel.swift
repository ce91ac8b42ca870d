import Foundation

/// Runs work over `0..<count` in one contiguous range per core.
///
/// Sealing, opening and writing 100,000 records are each bound by one loop; two cores halve
/// them. Callers keep per-range state (buffers, a sealer or an opener) in `body`.
enum Parallel {
  /// Calls `body` with each worker's index and range, all at once; below `serialBelow` items,
  /// one range on the calling thread.
  static func forEachRange(
    count: Int, serialBelow: Int = 256, _ body: @Sendable (_ worker: Int, Range<Int>) -> Void
  ) {
    let ranges = self.ranges(count: count, serialBelow: serialBelow)
    DispatchQueue.concurrentPerform(iterations: ranges.count) { worker in
      body(worker, ranges[worker])
    }
  }

  /// The ranges ``forEachRange(count:serialBelow:_:)`` hands out, in order; never empty.
  static func ranges(count: Int, serialBelow: Int = 256) -> [Range<Int>] {
    let workers =
      count < serialBelow ? 1 : max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8))
    let stride = max(1, (count + workers - 1) / workers)
    return (0..<workers).map { min($0 * stride, count)..<min(($0 + 1) * stride, count) }
  }
}
