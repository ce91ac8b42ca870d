import SottoCrypto
import SottoModel
import SottoStorage

/// Rows sealed for a run of positions, ready to insert, with what the manifest keeps of each.
struct SealedChunk: Sendable {
  var rows = RecordBatch()
  var items: [ManifestItem] = []
}

/// Seals many records for one write (an import, a restore), a chunk at a time: the next chunk
/// on every core while the caller inserts this one, so memory holds two chunks of rows.
///
/// SQLite inserts on one thread, which limits a restore; sealing beside it hides most of the
/// sealing. Measured at 100,000 entries (restore, in one process): 0.82 s so; 0.96 s with the
/// next chunk sealed on one core; 1.00 s sealing each chunk before inserting it; 0.73 to
/// 0.75 s with the pipeline of condition variables this replaced, which kept every core
/// sealing and was several times the code.
struct BulkSealing: Sendable {
  let entries: [Entry]
  /// Positions in `entries`, in the order the rows are wanted.
  let order: [Int]
  /// The revision of each row, by its place in `order`.
  let revisions: [UInt64]
  /// The causal context of the rows that replace a version (by place in `order`); the rest,
  /// new entries, have none.
  var contexts: [Int: [UInt64: UInt64]] = [:]
  /// The device and clock of every version written.
  let stamp: (device: UInt64, hlc: UInt64)
  let header: JournalHeader
  let key: SecureBytes
  /// Positions sealed before they are handed on.
  var chunkSize = 16_384

  /// Calls `body` with each sealed part, in order, and the places in `order` it covers.
  func forEachChunk<E: Error>(_ body: (SealedChunk, Range<Int>) throws(E) -> Void) throws(E) {
    precondition(order.count == revisions.count)
    let chunks = stride(from: 0, to: order.count, by: chunkSize).map {
      $0..<min($0 + chunkSize, order.count)
    }
    guard let first = chunks.first else { return }
    let sealing = self
    var pending = BackgroundWork { sealing.seal(first) }
    for number in chunks.indices {
      guard let parts = try? pending.value() else { preconditionFailure("sealing cannot fail") }
      if number + 1 < chunks.count {
        let next = chunks[number + 1]
        pending = BackgroundWork { sealing.seal(next) }
      }
      // When `body` throws, the chunk being sealed is dropped when done; it holds its own
      // copies of what it reads.
      for (sealed, positions) in parts { try body(sealed, positions) }
    }
  }

  /// Seals `chunk` on every core (beside the caller's inserting: the cores share out), in
  /// parts, each with the positions it covers.
  private func seal(_ chunk: Range<Int>) -> [(SealedChunk, Range<Int>)] {
    Parallel.map(count: chunk.count, serialBelow: 1024) { part in
      let positions = (chunk.lowerBound + part.lowerBound)..<(chunk.lowerBound + part.upperBound)
      return (sealPart(positions), positions)
    }
  }

  private func sealPart(_ positions: Range<Int>) -> SealedChunk {
    var sealer = RecordSealer(header: header, key: key)
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
        bytes.append(contentsOf: entry.id.bytes)
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
