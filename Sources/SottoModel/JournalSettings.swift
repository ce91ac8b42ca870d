import Foundation

/// The journal's settings, kept encrypted in the manifest head (Docs/FORMAT.md §5), as JSON.
public struct JournalSettings: Sendable, Hashable, Codable {
  /// How alcohol is counted.
  public var drinks: DrinkSettings
  /// When a day begins.
  public var dayStart: DayStart
  /// The weekly spending money kept is counted against (`sotto config baseline 120`); `nil`:
  /// the mean of the journal's first four weeks.
  public var baselinePerWeek: Double?

  /// The settings of a journal that changed none.
  public init(
    drinks: DrinkSettings = DrinkSettings(), dayStart: DayStart = .midnight,
    baselinePerWeek: Double? = nil
  ) {
    self.drinks = drinks
    self.dayStart = dayStart
    self.baselinePerWeek = baselinePerWeek
  }

  private enum CodingKeys: String, CodingKey {
    case drinksStandard, abv, dayStarts, baselinePerWeek
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    dayStart = try container.decodeIfPresent(DayStart.self, forKey: .dayStarts) ?? .midnight
    baselinePerWeek = try container.decodeIfPresent(Double.self, forKey: .baselinePerWeek)
      .flatMap { $0.isFinite && $0 >= 0 && $0 <= Use.maxQuantity ? $0 : nil }
    drinks = DrinkSettings(
      standard: try container.decodeIfPresent(DrinkStandard.self, forKey: .drinksStandard)
        ?? DrinkSettings.defaultStandard,
      abv: try container.decodeIfPresent([String: Double].self, forKey: .abv) ?? [:])
  }

  /// The settings as stored and exported: compact JSON, keys sorted.
  public var json: [UInt8] {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    // Strings, numbers and a dictionary of numbers: nothing here can fail to encode.
    return (try? encoder.encode(self)).map { [UInt8]($0) } ?? Array("{}".utf8)
  }

  /// Settings read from their JSON; `nil` when it is not a settings object this version reads.
  /// Keys it does not know (a later version's settings) are skipped.
  public init?(json: some Collection<UInt8>) {
    guard let settings = try? JSONDecoder().decode(JournalSettings.self, from: Data(json)) else {
      return nil
    }
    self = settings
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    if drinks.standard != DrinkSettings.defaultStandard {
      try container.encode(drinks.standard, forKey: .drinksStandard)
    }
    if !drinks.abv.isEmpty { try container.encode(drinks.abv, forKey: .abv) }
    if dayStart != .midnight { try container.encode(dayStart, forKey: .dayStarts) }
    if let baselinePerWeek { try container.encode(baselinePerWeek, forKey: .baselinePerWeek) }
  }
}

/// When a day begins for every figure (`sotto config day-starts 05:00`): a use at 00:30 after a
/// night out then belongs to the evening before, for use days, caps and streaks alike.
///
/// Midnight by default, so a journal's figures never move without the person asking.
public struct DayStart: Sendable, Hashable, Codable {
  /// Minutes after midnight, 0 to 720 (noon at the latest).
  public var minutes: Int

  /// The latest accepted.
  public static let latest = 720
  /// Midnight: days as the clock has them.
  public static let midnight = DayStart(checked: 0)

  private init(checked minutes: Int) { self.minutes = minutes }

  /// A day start; `nil` outside 00:00 to 12:00.
  public init?(minutes: Int) {
    guard (0...Self.latest).contains(minutes) else { return nil }
    self.minutes = minutes
  }

  /// Reads `HH:MM` (or `H:MM`, or `5` for 05:00); `nil` for anything else or after noon.
  public init?(parsing text: String) {
    let parts = text.trimmingWhitespace().split(separator: ":", omittingEmptySubsequences: false)
    guard (1...2).contains(parts.count), let hours = Int(parts[0]), (0...12).contains(hours),
      parts[0].count <= 2
    else { return nil }
    let minutes = parts.count == 2 ? Int(parts[1]) : 0
    guard let minutes, (0...59).contains(minutes), parts.count == 1 || parts[1].count == 2 else {
      return nil
    }
    self.init(minutes: hours * 60 + minutes)
  }

  /// The offset in seconds.
  public var seconds: Int64 { Int64(minutes) * 60 }

  /// `HH:MM`.
  public var text: String {
    let hours = minutes / 60
    let rest = minutes % 60
    return (hours < 10 ? "0" : "") + "\(hours):" + (rest < 10 ? "0" : "") + "\(rest)"
  }

  public init(from decoder: any Decoder) throws {
    let text = try decoder.singleValueContainer().decode(String.self)
    guard let parsed = DayStart(parsing: text) else {
      throw DecodingError.dataCorrupted(
        DecodingError.Context(codingPath: decoder.codingPath, debugDescription: "not HH:MM"))
    }
    self = parsed
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(text)
  }
}
