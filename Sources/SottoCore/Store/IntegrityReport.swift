import SottoModel

/// What the checks of a journal found: records that fail authentication and differences between
/// the records table and the encrypted manifest.
public struct IntegrityReport: Sendable, Equatable {
  /// Records that fail authentication: changed bytes, moved or swapped rows.
  public var undecryptable: [EntryID] = []
  /// Records that open but hold a time outside the accepted range (written by an older
  /// version); kept, carried over by `passwd`, but not shown.
  public var outOfRange: [EntryID] = []
  /// Records the manifest lists but the table lacks: deleted behind Sotto's back.
  public var missing: [EntryID] = []
  /// Records in the table the manifest does not list: injected or resurrected rows.
  public var unexpected: [EntryID] = []
  /// Records whose tag differs from the manifest's: an older copy, rolled back or replayed.
  public var revisionMismatch: [EntryID] = []
  /// Records whose bytes differ from the digest the manifest holds.
  public var digestMismatch: [EntryID] = []
  /// Inbox rows refused: they do not open, are too large, or hold no acceptable entry.
  public var damagedInboxRows = 0
  /// Inbox rows left waiting unopened (quick capture off, or too many to move in unasked).
  public var waitingInboxRows = 0
  /// The manifest itself failed its checks (then the lists above may be incomplete).
  public var manifestDamaged = false
  /// Whether the time index fails its checks or lists other than the entries (`verify`).
  public var indexDamaged = false
  /// The number of records checked.
  public var recordsChecked = 0

  /// Whether nothing was found.
  public var isClean: Bool {
    undecryptable.isEmpty && outOfRange.isEmpty && missing.isEmpty && unexpected.isEmpty
      && revisionMismatch.isEmpty
      && digestMismatch.isEmpty && damagedInboxRows == 0 && !manifestDamaged && !indexDamaged
  }

  /// Every id named by any finding, once, sorted.
  public var affectedIDs: [EntryID] {
    Array(
      Set(undecryptable + outOfRange + missing + unexpected + revisionMismatch + digestMismatch)
    ).sorted()
  }

  /// One line per finding, for people; ids only, never contents.
  public var findings: [String] {
    var lines: [String] = []
    if manifestDamaged {
      lines.append("the manifest (the encrypted list of entries) is damaged or was replaced")
    }
    if indexDamaged {
      lines.append(
        "the time index (the encrypted list of entries by time) is damaged, was replaced, or "
          + "lists other entries than the journal holds; `sotto verify --rebuild-manifest` "
          + "builds it again")
    }
    for id in undecryptable {
      lines.append("entry \(id.hex) fails authentication (damaged or moved)")
    }
    for id in outOfRange {
      lines.append(
        "entry \(id.hex) has a time outside the years 1900-2199 (accepted by an older Sotto); "
          + "it is kept but not shown")
    }
    for id in missing { lines.append("entry \(id.hex) is missing (deleted outside Sotto)") }
    for id in unexpected {
      lines.append(
        "entry \(id.hex) was not written by this journal's Sotto (injected or restored from an old copy)"
      )
    }
    for id in revisionMismatch {
      lines.append(
        "entry \(id.hex) is an older copy than the one recorded (rolled back or replayed)")
    }
    for id in digestMismatch {
      lines.append("entry \(id.hex) differs from the manifest's record of it")
    }
    if damagedInboxRows > 0 {
      lines.append(
        "\(damagedInboxRows) quick-capture inbox row(s) were refused (see `sotto inbox`)")
    }
    return lines
  }
}
