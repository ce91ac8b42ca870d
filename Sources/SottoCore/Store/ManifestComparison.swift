import SottoStorage

/// How the records table and the manifest agree, row by row.
///
/// Both lists come in id order (the table's primary key, the manifest's sorted buckets), so one
/// merge pass compares them; no hash table of 100,000 ids is built.
struct ManifestComparison {
  /// For each row, the manifest's item of the same id and tag, if there is one.
  private(set) var expected: [ManifestItem?]
  /// Rows whose id the manifest does not list (indices into the rows).
  private(set) var unexpected: [Int] = []
  /// Rows whose tag differs from the manifest's: an older copy (indices into the rows).
  private(set) var revisionMismatch: [Int] = []
  /// Ids the manifest lists that no row has.
  private(set) var missing: [RecordKey] = []

  init(rows: [RecordRows.Row], manifest: [ManifestItem]) {
    expected = [ManifestItem?](repeating: nil, count: rows.count)
    // Ids of other lengths than 16 bytes (a tampered file) may break the key order: sort then.
    var order = Array(rows.indices)
    if !zip(rows, rows.dropFirst()).allSatisfy({ $0.key < $1.key }) {
      order.sort { rows[$0].key < rows[$1].key }
    }
    var next = 0
    for index in order {
      let key = rows[index].key
      while next < manifest.count, manifest[next].id < key {
        missing.append(manifest[next].id)
        next += 1
      }
      guard next < manifest.count, manifest[next].id == key else {
        unexpected.append(index)
        continue
      }
      if manifest[next].tag == rows[index].tag {
        expected[index] = manifest[next]
      } else {
        revisionMismatch.append(index)
      }
      next += 1
    }
    missing.append(contentsOf: manifest[next...].map(\.id))
  }
}
