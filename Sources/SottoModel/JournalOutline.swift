/// What a whole journal says about its days without opening a record: the first day it covers
/// and the days with use, from which streaks and use-free days are counted.
///
/// The time index gives it (each entry's time, offset and kind), so the status and the reports
/// read only the records of the days they show; ``init(entries:dayStart:)`` gives the same
/// outline from entries.
public struct JournalOutline: Sendable, Equatable {
  /// The local day of the earliest entry that is not a safety rule (rules are settings, not
  /// events, so they do not start the record); `nil` for a journal without one.
  public private(set) var firstDay: Int?
  /// The local days with at least one use, ascending, each once.
  public private(set) var useDays: [Int]

  /// The outline of `entries`, in any order: all of a journal's.
  public init(entries: [Entry], dayStart: DayStart) {
    var builder = Builder(dayStart: dayStart)
    for entry in entries { builder.add(entry.at, kind: entry.kind) }
    self = builder.outline
  }

  /// Gathers an outline one entry at a time, in any order.
  public struct Builder: Sendable {
    private let dayStart: DayStart
    private var firstDay: Int?
    private var useDays: [Int] = []

    public init(dayStart: DayStart) { self.dayStart = dayStart }

    public mutating func add(_ at: Timestamp, kind: EntryKind) {
      guard kind != .rule else { return }
      let day = at.dayNumber(dayStart: dayStart)
      firstDay = min(firstDay ?? day, day)
      // Entries arrive mostly in time order: a day already last is not listed again.
      if kind == .use && useDays.last != day { useDays.append(day) }
    }

    /// Adds what `other` gathered (another worker's share).
    public mutating func merge(_ other: Builder) {
      if let day = other.firstDay { firstDay = min(firstDay ?? day, day) }
      useDays += other.useDays
    }

    public var outline: JournalOutline {
      JournalOutline(firstDay: firstDay, useDays: Array(Set(useDays)).sorted())
    }
  }

  private init(firstDay: Int?, useDays: [Int]) {
    self.firstDay = firstDay
    self.useDays = useDays
  }

  /// Whether `day` has a use.
  public func hasUse(on day: Int) -> Bool {
    var low = 0
    var high = useDays.count
    while low < high {
      let middle = (low + high) / 2
      if useDays[middle] < day { low = middle + 1 } else { high = middle }
    }
    return low < useDays.count && useDays[low] == day
  }
}

extension Timestamp {
  /// The local day this time falls on, in days since 1970-01-01, in its own offset, days
  /// beginning `dayStart` after midnight.
  public func dayNumber(dayStart: DayStart) -> Int {
    let seconds = unixSeconds + Int64(utcOffsetSeconds) - dayStart.seconds
    // Rounded down, so the second before 1970-01-01 is day -1.
    return Int(seconds >= 0 ? seconds / 86_400 : -((-seconds - 1) / 86_400) - 1)
  }
}
