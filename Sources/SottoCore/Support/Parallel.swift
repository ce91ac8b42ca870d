import Foundation
import Synchronization

/// Runs work over `0..<count` in one contiguous range per core.
///
/// Opening, sealing and encoding 100,000 records are each bound by one loop; two cores halve
/// them. Each worker builds its own result from its range and hands it back, so no worker
/// writes memory another can see: there is no shared buffer to size or index wrongly.
enum Parallel {
  /// Calls `body` with each worker's range, all at once, and returns what each returned, in
  /// the ranges' order; below `serialBelow` items, one range on the calling thread. Callers
  /// keep per-range state (a sealer, an opener, an output buffer) inside `body`.
  static func map<T: Sendable>(
    count: Int, serialBelow: Int = 256, _ body: @Sendable (Range<Int>) -> T
  ) -> [T] {
    let ranges = self.ranges(count: count, serialBelow: serialBelow)
    if ranges.count == 1 { return [body(ranges[0])] }
    let results = Mutex([T?](repeating: nil, count: ranges.count))
    DispatchQueue.concurrentPerform(iterations: ranges.count) { worker in
      let value = body(ranges[worker])
      results.withLock { $0[worker] = value }
    }
    // concurrentPerform ran every worker once, and each filled its own slot.
    return results.withLock { $0.map { $0! } }
  }

  /// ``map(count:serialBelow:_:)`` for work that yields a list per range: the lists joined
  /// in order.
  static func flatMap<T: Sendable>(
    count: Int, serialBelow: Int = 256, _ body: @Sendable (Range<Int>) -> [T]
  ) -> [T] {
    let parts = map(count: count, serialBelow: serialBelow, body)
    if parts.count == 1 { return parts[0] }
    var joined: [T] = []
    joined.reserveCapacity(parts.reduce(0) { $0 + $1.count })
    for part in parts { joined += part }
    return joined
  }

  /// The ranges the workers get, in order; never empty.
  static func ranges(count: Int, serialBelow: Int = 256) -> [Range<Int>] {
    let workers =
      count < serialBelow ? 1 : max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8))
    let stride = max(1, (count + workers - 1) / workers)
    return (0..<workers).map { min($0 * stride, count)..<min(($0 + 1) * stride, count) }
  }
}
