/// Who wrote a version and when in its clock: unique, since a device never issues a clock
/// value twice.
struct VersionStamp: Hashable, Sendable, Comparable {
  var device: UInt64
  var hlc: UInt64

  /// Newer first: by clock, then by device (Docs/SYNC.md, "Merging").
  static func < (lhs: VersionStamp, rhs: VersionStamp) -> Bool {
    (lhs.hlc, lhs.device) < (rhs.hlc, rhs.device)
  }
}

/// How versions of one entry from several devices combine: by causal context, never by
/// wall clock alone, so that no change is lost (Docs/SYNC.md, "Merging").
///
/// The heads of an entry are the versions no other known version supersedes. Adding a
/// version keeps the heads the maximal elements of the set of every version seen, so the
/// result does not depend on the order versions arrive in, nor on how often one arrives.
enum Merge {
  /// Whether `newer` was written by a device that had seen `older` (or that wrote it and
  /// came later): `newer` then replaces it without a conflict.
  static func supersedes(_ newer: RecordVersion, _ older: RecordVersion) -> Bool {
    if newer.device == older.device { return newer.hlc > older.hlc }
    return (newer.context[older.device] ?? 0) >= older.hlc
  }

  /// The heads after `incoming` arrives, shown first; `nil` when it changes nothing (it is
  /// known already, or a head supersedes it).
  ///
  /// - Parameter heads: the entry's heads as stored (any order; none superseding another).
  static func heads(_ heads: [RecordVersion], adding incoming: RecordVersion) -> [RecordVersion]? {
    var incoming = incoming
    incoming.others = []
    let stamp = incoming.stamp
    guard !heads.contains(where: { $0.stamp == stamp || supersedes($0, incoming) }) else {
      return nil
    }
    let kept = heads.filter { !supersedes(incoming, $0) }
    return ordered(kept + [incoming])
  }

  /// `heads` in the order they are stored and shown: the newest clock first, then the higher
  /// device id, so every device shows the same version of a conflict.
  static func ordered(_ heads: [RecordVersion]) -> [RecordVersion] {
    heads.sorted { $0.stamp > $1.stamp }
  }

  /// The record holding `heads`: the first shown, the rest as its ``RecordVersion/others``.
  static func record(_ heads: [RecordVersion]) -> RecordVersion {
    var shown = heads[0]
    shown.others = Array(heads.dropFirst())
    return shown
  }

  /// The context of a version that `writer` writes over `heads`: for each other device, the
  /// newest clock it had written that these heads saw or are (the pointwise maximum).
  ///
  /// The writer's own device is left out: its earlier versions are superseded by the clock
  /// alone. So a journal that never synced writes no context, and an edit keeps the entry in
  /// its size class (`PlaintextTests.editsOnOneDeviceNeverChangeAnEntrysSize`).
  static func context(over heads: [RecordVersion], writer: UInt64) -> [UInt64: UInt64] {
    var context: [UInt64: UInt64] = [:]
    for head in heads {
      context.merge(head.context, uniquingKeysWith: max)
      context[head.device] = max(context[head.device] ?? 0, head.hlc)
    }
    context[writer] = nil
    return context
  }

  /// The revision of a version written over `heads`: one more than the highest.
  static func revision(over heads: [RecordVersion]) -> UInt64 {
    (heads.map(\.revision).max() ?? 0) + 1
  }
}
