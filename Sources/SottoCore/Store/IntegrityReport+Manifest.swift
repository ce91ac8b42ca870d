import SottoModel
import SottoStorage

extension IntegrityReport {
  /// Adds what a comparison of the rows with the manifest found.
  mutating func record(_ comparison: ManifestComparison, rows: RecordRows) {
    for index in comparison.unexpected {
      unexpected.append(UnlockedJournal.entryID(rows.idBytes(rows.rows[index])))
    }
    for index in comparison.revisionMismatch {
      revisionMismatch.append(UnlockedJournal.entryID(rows.idBytes(rows.rows[index])))
    }
    for key in comparison.missing { missing.append(UnlockedJournal.entryID(key.bytes)) }
    sortFindings()
  }

  /// Adds what one group of rows, opened as `opened`, shows against `items`, the manifest's
  /// items of their buckets (`nil`: there is no manifest to compare with): each row counted,
  /// and the findings of the comparison and of the digests. Whether each row is listed by the
  /// manifest with the digest it has.
  mutating func check(
    _ rows: RecordRows, opened: [UnlockedJournal.OpenedRecord], items: [ManifestItem]?
  ) -> [Bool] {
    let comparison = items.map { ManifestComparison(rows: rows.rows, manifest: $0) }
    if let comparison { record(comparison, rows: rows) }
    return opened.indices.map { index in
      let id = { UnlockedJournal.entryID(rows.idBytes(rows.rows[index])) }
      count(opened[index].outcome, id: id)
      guard let item = comparison?.expected[index] else { return false }
      guard opened[index].digest == item.digest else {
        digestMismatch.append(id())
        return false
      }
      return true
    }
  }

  /// Counts a record `verify` opened: every one but a tombstone is checked, and one out of
  /// range or that does not open is named by `id`.
  mutating func count(_ outcome: UnlockedJournal.Opened, id: () -> EntryID) {
    switch outcome {
    case .entry: recordsChecked += 1
    case .deleted: break
    case .outOfRange:
      recordsChecked += 1
      outOfRange.append(id())
    case .undecryptable:
      recordsChecked += 1
      undecryptable.append(id())
    }
  }

  /// Puts every list of ids in order, so reports read the same on every run.
  mutating func sortFindings() {
    for keyPath in [
      \IntegrityReport.undecryptable, \.outOfRange, \.digestMismatch, \.missing, \.unexpected,
      \.revisionMismatch,
    ] {
      self[keyPath: keyPath].sort()
    }
  }
}
