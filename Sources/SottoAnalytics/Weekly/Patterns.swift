import SottoModel

/// What helps and what hurts, over the weeks up to the report's last day: how urges went after
/// each trigger and with each way of coping, when acting on urges and use cluster, and where
/// and in which mood use happens.
///
/// Only what enough entries back is listed: a row needs at least ``minimumCount`` urges (or
/// uses), so one evening is never called a pattern.
public struct Patterns: Codable, Sendable, Equatable {
  /// The fewest urges or uses a row needs.
  public static let minimumCount = 3
  /// How many weeks the patterns look back over by default (with the report's last week).
  public static let defaultWeeks = 8
  /// The most rows a list holds.
  public static let maximumRows = 8

  /// The first day looked at.
  public var firstDay: LocalDate
  /// The last day looked at: the report's last day, or today if that is earlier.
  public var lastDay: LocalDate
  /// Urges in the window.
  public var urges: Int
  /// Uses in the window.
  public var uses: Int
  /// Urges after each trigger (one urge counts each of its triggers), most urges first.
  public var triggers: [OutcomeCount]
  /// Urges by what helped (`coping`), most urges first.
  public var coping: [OutcomeCount]
  /// The weekday and part of the day when urges were acted on or use happened, most first.
  public var riskyTimes: [TimeCount]
  /// Uses by setting (`--setting`), most first.
  public var settings: [LabelCount]
  /// Uses by mood before (`--mood-before`), most first.
  public var moodsBefore: [LabelCount]
}

/// How the urges with one trigger (or one way of coping) went.
public struct OutcomeCount: Codable, Sendable, Equatable {
  /// The trigger or the coping, as the person wrote it (canonical form). *User text.*
  public var label: String
  /// Urges with it.
  public var urges: Int
  /// Of those, resisted.
  public var resisted: Int
  /// Of those, acted on.
  public var actedOn: Int
  /// The mean change from starting to final intensity, over the urges that have both;
  /// negative means the urge eased. `nil` when none has a final intensity.
  public var meanIntensityChange: Double?
}

/// A weekday and part of the day, and how often urges were acted on or use happened then.
public struct TimeCount: Codable, Sendable, Equatable {
  /// The weekday.
  public var weekday: Weekday
  /// `night` (0–6 h), `morning` (6–12), `afternoon` (12–18) or `evening` (18–24).
  public var partOfDay: String
  /// Acted-on urges and uses then.
  public var count: Int
}

/// A label and a count.
public struct LabelCount: Codable, Sendable, Equatable {
  /// The setting or mood, as written (canonical form). *User text.*
  public var label: String
  /// Uses with it.
  public var count: Int
}

extension Patterns {
  /// The patterns over `weeks` weeks ending with `last` (and never after `today`).
  init(
    entries: [Entry], last: LocalDate, today: LocalDate, dayStart: DayStart,
    weeks: Int = Patterns.defaultWeeks
  ) {
    let end = min(last, today)
    let start = end.adding(days: -(7 * weeks) + 1)
    var urges: [Urge] = []
    var risky: [String: (Weekday, String, Int)] = [:]
    var settings: [String: Int] = [:]
    var moods: [String: Int] = [:]
    var useCount = 0
    func noteRisk(_ at: Timestamp) {
      let day = LocalDate(at, dayStart: dayStart)
      let part = PartOfDay(hour: LocalDate.hour(of: at)).noun
      let key = "\(day.weekday.isoIndex)-\(part)"
      let previous = risky[key]?.2 ?? 0
      risky[key] = (day.weekday, part, previous + 1)
    }
    for entry in entries {
      let day = LocalDate(entry.at, dayStart: dayStart)
      guard start <= day, day <= end else { continue }
      switch entry.body {
      case .urge(let urge):
        urges.append(urge)
        if urge.outcome == .acted { noteRisk(entry.at) }
      case .use(let use):
        useCount += 1
        noteRisk(entry.at)
        if let setting = use.setting.map(Naming.canonical), !setting.isEmpty {
          settings[setting, default: 0] += 1
        }
        if let mood = use.moodBefore.map(Naming.canonical), !mood.isEmpty {
          moods[mood, default: 0] += 1
        }
      case .goal, .rule: break
      }
    }
    func outcomes(_ labels: (Urge) -> [String]) -> [OutcomeCount] {
      var table: [String: (urges: Int, resisted: Int, acted: Int, change: Double, changed: Int)] =
        [:]
      for urge in urges {
        for label in Set(labels(urge).map(Naming.canonical)) where !label.isEmpty {
          var row = table[label] ?? (0, 0, 0, 0, 0)
          row.urges += 1
          if urge.outcome == .resisted { row.resisted += 1 }
          if urge.outcome == .acted { row.acted += 1 }
          if let final = urge.finalIntensity {
            row.change += Double(final - urge.intensity)
            row.changed += 1
          }
          table[label] = row
        }
      }
      return table.filter { $0.value.urges >= Self.minimumCount }
        .map {
          OutcomeCount(
            label: $0.key, urges: $0.value.urges, resisted: $0.value.resisted,
            actedOn: $0.value.acted,
            meanIntensityChange: $0.value.changed > 0
              ? $0.value.change / Double($0.value.changed) : nil)
        }
        .sorted { ($1.urges, $0.label) < ($0.urges, $1.label) }
        .prefix(Self.maximumRows).map { $0 }
    }
    func counted(_ table: [String: Int]) -> [LabelCount] {
      table.filter { $0.value >= Self.minimumCount }.map {
        LabelCount(label: $0.key, count: $0.value)
      }
      .sorted { ($1.count, $0.label) < ($0.count, $1.label) }
      .prefix(Self.maximumRows).map { $0 }
    }
    self.init(
      firstDay: start, lastDay: end, urges: urges.count, uses: useCount,
      triggers: outcomes { $0.triggers }, coping: outcomes { $0.coping.map { [$0] } ?? [] },
      riskyTimes: risky.values.filter { $0.2 >= Self.minimumCount }
        .map { TimeCount(weekday: $0.0, partOfDay: $0.1, count: $0.2) }
        .sorted {
          ($1.count, $0.weekday.isoIndex, $0.partOfDay) < (
            $0.count, $1.weekday.isoIndex, $1.partOfDay
          )
        }
        .prefix(Self.maximumRows).map { $0 },
      settings: counted(settings), moodsBefore: counted(moods))
  }

  /// How many weeks the window spans.
  public var weeks: Int { (lastDay.dayNumber - firstDay.dayNumber + 1) / 7 }

  /// Whether anything is listed.
  public var isEmpty: Bool {
    triggers.isEmpty && coping.isEmpty && riskyTimes.isEmpty && settings.isEmpty
      && moodsBefore.isEmpty
  }
}
