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
