import SottoModel

/// Entries read for an import or a restore and checked: each one valid, no id twice.
///
/// It carries the id order its duplicate check worked out, so that filling a journal from a
/// backup neither checks 100,000 entries a second time nor sorts them again.
public struct CheckedEntries: Sendable {
  /// The entries, in the order they were read.
  public let all: [Entry]
  /// Positions in ``all``, in id order.
  let idOrder: [Int]
  /// The journal's settings, when the file carried them (a backup); a restore applies them.
  public var settings: JournalSettings?

  /// Checks `entries`; a failure names the entry by its position, counted from 1.
  public init(validating entries: [Entry]) throws(JournalCodecError) {
    self = try Self.check(entries) { .entry($0 + 1) }
  }

  private init(all: [Entry], idOrder: [Int]) {
    self.all = all
    self.idOrder = idOrder
  }

  /// Checks `entries`, naming a failure by `location` of its index: the first problem in
  /// reading order is the one reported, as a reader going through the file would meet it.
  static func check(
    _ entries: [Entry], location: (Int) -> JournalCodecError.Location
  ) throws(JournalCodecError) -> CheckedEntries {
    let invalid = firstInvalid(entries)
    let order = idOrder(entries)
    // In id order (ties by position) a repeated id sits next to its earlier copy; the repeat
    // met first in reading order is the one with the lowest position.
    var duplicate: (at: Int, first: Int)?
    for position in order.indices.dropFirst()
    where entries[order[position]].id == entries[order[position - 1]].id {
      if duplicate == nil || order[position] < duplicate!.at {
        duplicate = (order[position], order[position - 1])
      }
    }
    if let invalid, invalid.index <= duplicate?.at ?? Int.max {
      throw .invalidEntry(invalid.error, at: location(invalid.index))
    }
    if let duplicate {
      throw .duplicateID(at: location(duplicate.at), first: location(duplicate.first))
    }
    return CheckedEntries(all: entries, idOrder: order)
  }

  /// The first entry that fails its checks, with its error; every core checks a range.
  static func firstInvalid(_ entries: [Entry]) -> (index: Int, error: EntryValidationError)? {
    let failures = Parallel.map(count: entries.count, serialBelow: 4096) {
      range -> Failure? in
      for index in range {
        do throws(EntryValidationError) {
          try entries[index].validate()
        } catch {
          return Failure(index: index, error: error)
        }
      }
      return nil
    }
    // Ranges are in order, so the first failing range holds the first failure.
    return failures.lazy.compactMap { $0 }.first.map { ($0.index, $0.error) }
  }

  /// An entry that fails its checks, by position.
  private struct Failure: Sendable {
    var index: Int
    var error: EntryValidationError
  }

  /// Positions of `entries` in id order, equal ids by position.
  static func idOrder(_ entries: [Entry]) -> [Int] {
    var keys = entries.indices.map { (id: entries[$0].id, index: $0) }
    keys.sort { $0.id < $1.id || ($0.id == $1.id && $0.index < $1.index) }
    return keys.map(\.index)
  }
}
