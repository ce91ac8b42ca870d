import SottoCrypto
import SottoModel
import SottoStorage

/// Rows sealed for a run of positions, ready to insert, with what the manifest keeps of each.
struct SealedChunk: Sendable {
  var rows = RecordBatch()
  var items: [ManifestItem] = []
}

/// Seals many records for one write (an import, a restore), a chunk at a time on every core,
/// each chunk inserted before the next is sealed, so memory holds one chunk of rows.
///
/// Sealing beside the inserting thread instead of before it (a pipeline of condition
/// variables) hid more of a restore's sealing, but saved too little to keep.
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
    for start in stride(from: 0, to: order.count, by: chunkSize) {
      let chunk = start..<min(start + chunkSize, order.count)
      let parts = Parallel.map(count: chunk.count, serialBelow: 256) { part in
        let positions = (chunk.lowerBound + part.lowerBound)..<(chunk.lowerBound + part.upperBound)
        return (positions, seal(positions))
      }
      for (positions, sealed) in parts { try body(sealed, positions) }
    }
  }

  private func seal(_ positions: Range<Int>) -> SealedChunk {
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
