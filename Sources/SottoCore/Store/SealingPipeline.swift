import Foundation
import SottoCrypto
import SottoModel
import SottoStorage

/// Rows sealed for a run of positions, ready to insert, with what the manifest keeps of each.
///
/// Everything the inserting thread needs is worked out here, on the sealing cores: that thread
/// limits a restore.
struct SealedChunk {
  var rows = RecordBatch()
  var items: [ManifestItem] = []
}

/// Seals records in chunks on the other cores while the calling thread inserts them in order.
///
/// SQLite inserts on one thread; sealing beside it instead of before it hides most of a
/// restore's sealing (100,000 records). The calling thread seals too whenever the chunk it
/// needs next is not ready, and the other cores stay at most a few chunks ahead of it, so the
/// buffers freed by the inserts are the ones reused.
///
/// `@unchecked Sendable`: `slots`, `nextToClaim`, `consumed`, `stopped` and `running` change
/// only while `condition` is locked; everything else is set once in `init`.
final class SealingPipeline: @unchecked Sendable {
  private let entries: [Entry]
  private let order: [Int]
  private let revisions: [UInt64]
  private let contexts: [Int: [UInt64: UInt64]]
  private let stamp: (device: UInt64, hlc: UInt64)
  private let header: JournalHeader
  private let key: SecureBytes
  private let chunkSize: Int
  private let chunkCount: Int
  private let lookahead = 8
  private let condition = NSCondition()
  private var slots: [SealedChunk?]
  private var nextToClaim = 0
  private var consumed = 0
  private var stopped = false
  private var running = 0

  /// - Parameters:
  ///   - order: positions in `entries`, in the order the rows are wanted.
  ///   - revisions: the revision of each row, by its place in `order`.
  ///   - contexts: the causal context of the rows that replace a version (by place in
  ///     `order`); the rest, new entries, have none.
  ///   - stamp: the device and clock of every version written.
  init(
    entries: [Entry], order: [Int], revisions: [UInt64],
    contexts: [Int: [UInt64: UInt64]] = [:], stamp: (device: UInt64, hlc: UInt64),
    header: JournalHeader, key: SecureBytes, chunkSize: Int = 1024
  ) {
    precondition(order.count == revisions.count)
    self.entries = entries
    self.order = order
    self.revisions = revisions
    self.contexts = contexts
    self.stamp = stamp
    self.header = header
    self.key = key
    self.chunkSize = chunkSize
    chunkCount = (order.count + chunkSize - 1) / chunkSize
    slots = [SealedChunk?](repeating: nil, count: chunkCount)
  }

  /// Calls `body` on the calling thread with each sealed chunk, in order, and the places in
  /// `order` it covers. When `body` throws, the other cores stop before this returns.
  func forEachChunk<E: Error>(
    _ body: (SealedChunk, Range<Int>) throws(E) -> Void
  ) throws(E) {
    let cores = min(ProcessInfo.processInfo.activeProcessorCount, 8)
    let helpers = max(0, min(cores - 1, chunkCount - 1))
    condition.lock()
    running = helpers
    condition.unlock()
    for _ in 0..<helpers {
      DispatchQueue.global(qos: .userInitiated).async { [self] in work() }
    }
    // The helpers read `entries` and the key: they must be done before this returns.
    defer {
      condition.lock()
      stopped = true
      condition.broadcast()
      while running > 0 { condition.wait() }
      condition.unlock()
    }
    var sealer = RecordSealer(header: header, key: key)
    for chunk in 0..<chunkCount {
      let sealed = take(chunk, sealer: &sealer)
      try body(sealed, positions(of: chunk))
    }
  }

  private func positions(of chunk: Int) -> Range<Int> {
    chunk * chunkSize..<min((chunk + 1) * chunkSize, order.count)
  }

  /// A chunk may be claimed once the one `lookahead` places before it is consumed.
  private var mayClaim: Bool {
    nextToClaim < chunkCount && nextToClaim < consumed + lookahead
  }

  /// Waits for chunk `wanted`, sealing others meanwhile; the caller's thread.
  private func take(_ wanted: Int, sealer: inout RecordSealer) -> SealedChunk {
    condition.lock()
    defer { condition.unlock() }
    while true {
      if let ready = slots[wanted] {
        slots[wanted] = nil
        consumed = wanted + 1
        condition.broadcast()
        return ready
      }
      if mayClaim {
        sealNext(sealer: &sealer)
      } else {
        condition.wait()
      }
    }
  }

  /// A helper core: seals chunks until none is left or the caller stops.
  private func work() {
    var sealer = RecordSealer(header: header, key: key)
    condition.lock()
    while !stopped && nextToClaim < chunkCount {
      guard mayClaim else {
        condition.wait()
        continue
      }
      sealNext(sealer: &sealer)
    }
    running -= 1
    condition.broadcast()
    condition.unlock()
  }

  /// Claims the next chunk and seals it with the lock released; called, and returns, with
  /// `condition` locked.
  private func sealNext(sealer: inout RecordSealer) {
    let claimed = nextToClaim
    nextToClaim += 1
    condition.unlock()
    let sealed = seal(claimed, sealer: &sealer)
    condition.lock()
    slots[claimed] = sealed
    condition.broadcast()
  }

  private func seal(_ chunk: Int, sealer: inout RecordSealer) -> SealedChunk {
    let positions = self.positions(of: chunk)
    var sealed = SealedChunk()
    // Most records pad to 512 bytes; an id, a record tag, a nonce and a Poly1305 tag come on top.
    sealed.rows.reserveCapacity(rows: positions.count, bytes: positions.count * 608)
    sealed.items.reserveCapacity(positions.count)
    for position in positions {
      let entry = entries[order[position]]
      let tag = sealer.nextTag()
      let version = RecordVersion(
        entry: entry, revision: revisions[position], device: stamp.device, hlc: stamp.hlc,
        context: contexts[position] ?? [:])
      let digest = sealed.rows.appendRow { bytes in
        entry.id.withUnsafeBytes { bytes.append(contentsOf: $0) }
        bytes.append(contentsOf: tag.bytes)
        return sealer.seal(version, id: entry.id, tag: tag, appendingTo: &bytes)
      }
      let key = RecordKey(entry.id)
      sealed.items.append(
        ManifestItem(
          id: key, tag: tag, digest: digest,
          indexed: IndexItem(version, id: key, digest: digest)))
    }
    return sealed
  }
}
