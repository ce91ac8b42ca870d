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
