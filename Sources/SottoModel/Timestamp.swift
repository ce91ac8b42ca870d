import Foundation

/// A moment in time together with the UTC offset in force where and when it was logged.
///
/// The instant orders entries; the offset decides which local day an entry belongs to, so a drink
/// logged at 23:30 in Lisbon stays on that evening even when the report is read in another zone.
public struct Timestamp: Hashable, Sendable, Comparable, Codable {
  /// Seconds since 1970-01-01T00:00:00Z.
  public var unixSeconds: Int64
  /// The UTC offset in seconds (east positive) in force when the entry was logged.
  public var utcOffsetSeconds: Int32

  enum CodingKeys: String, CodingKey {
    case unixSeconds = "unix"
    case utcOffsetSeconds = "offset"
  }

  /// The widest UTC offset accepted: ±14 hours, which covers every time zone in use (-12:00 to
  /// +14:00). ISO 8601 allows ±18, but Foundation's DateFormatter stops the program for an
  /// offset of 15 hours or more (found by the `entrytime` fuzzer), so such a time never gets in.
  public static let maxOffsetSeconds: Int32 = 14 * 3600
  /// The offsets accepted, ±``maxOffsetSeconds``.
  public static let acceptedOffsets = -maxOffsetSeconds...maxOffsetSeconds

  /// The instants an entry may have: 1900-01-01T00:00:00Z up to, not including,
  /// 2200-01-01T00:00:00Z. Every way in (typed, imported, restored, quick capture, a record)
  /// checks it, so no later step meets a year it cannot lay out on a calendar.
  public static let acceptedRange: Range<Int64> = -2_208_988_800..<7_258_118_400

  /// Whether the instant is in ``acceptedRange`` and the offset within ±14 hours.
  public var isWithinAcceptedRange: Bool {
    Self.acceptedRange.contains(unixSeconds)
      && Self.acceptedOffsets.contains(utcOffsetSeconds)
  }

  /// Creates a timestamp from its two stored parts.
  public init(unixSeconds: Int64, utcOffsetSeconds: Int32) {
    self.unixSeconds = unixSeconds
    self.utcOffsetSeconds = utcOffsetSeconds
  }

  /// Creates a timestamp for `date`, with the offset `timeZone` has at that instant.
  public init(date: Date, timeZone: TimeZone) {
    self.unixSeconds = Int64(date.timeIntervalSince1970.rounded(.down))
    self.utcOffsetSeconds = Int32(timeZone.secondsFromGMT(for: date))
  }

  /// The instant as a `Date`.
  public var date: Date { Date(timeIntervalSince1970: TimeInterval(unixSeconds)) }

  /// A fixed-offset time zone for the stored offset.
  public var timeZone: TimeZone {
    TimeZone(secondsFromGMT: Int(utcOffsetSeconds)) ?? TimeZone(secondsFromGMT: 0)!
  }

  /// ISO 8601 with the stored offset, for example `2026-11-20T21:00:00+01:00`.
  public var iso8601: String { ISO8601Time.string(self) }

  public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool {
    lhs.unixSeconds < rhs.unixSeconds
  }
}
