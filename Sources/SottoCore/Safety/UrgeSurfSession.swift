import Foundation
import SottoModel

/// The state and schedule of one urge-surfing session, without any terminal: the command asks
/// and draws, this decides when to check in and what to log.
///
/// Times are seconds since the session started.
public struct UrgeSurfSession: Sendable {
  /// The allowed length, in minutes (0.01 is 0.6 seconds, for tests; 180 is three hours).
  public static let minutesRange = 0.01...180.0
  /// The default length, in minutes.
  public static let defaultMinutes = 20.0
  /// The coping text of a surfed urge; reports count urges with this coping as surfed.
  public static let coping = "urge surfing"

  /// The planned length, in seconds.
  public let plannedSeconds: Double
  /// The intensity at the start.
  public let startIntensity: Int
  /// The intensity last reported.
  public private(set) var lastIntensity: Int
  /// The check-ins so far: when, and the intensity reported.
  public private(set) var checkIns: [(seconds: Double, intensity: Int)] = []

  /// Starts a session of `minutes` (within ``minutesRange``) at `intensity` (0–10).
  public init(minutes: Double, intensity: Int) throws(EntryValidationError) {
    guard minutes.isFinite, Self.minutesRange.contains(minutes) else {
      throw EntryValidationError(field: "length (--minutes)", problem: "must be from 0.01 to 180")
    }
    guard Urge.intensityRange.contains(intensity) else {
      throw EntryValidationError(field: "intensity", problem: "must be a whole number from 0 to 10")
    }
    plannedSeconds = minutes * 60
    startIntensity = intensity
    lastIntensity = intensity
  }

  /// Time between check-ins: every 5 minutes, or half the session when it is shorter than 10
  /// minutes, so even a short session checks in once on the way.
  public var checkInInterval: Double {
    plannedSeconds >= 600 ? 300 : plannedSeconds / 2
  }

  /// The check-ins on the way, in seconds (the end is not one of them: the end asks anyway).
  public var schedule: [Double] {
    var times: [Double] = []
    var next = checkInInterval
    while next < plannedSeconds - 1e-9 {
      times.append(next)
      next += checkInInterval
    }
    return times
  }

  /// The first scheduled check-in after `seconds`, if any remains.
  public func nextCheckIn(after seconds: Double) -> Double? {
    schedule.first { $0 > seconds + 1e-9 }
  }

  /// Seconds left at `seconds` elapsed (never below 0).
  public func remaining(at seconds: Double) -> Double {
    max(0, plannedSeconds - seconds)
  }

  /// Whether the planned time is over at `seconds`.
  public func isOver(at seconds: Double) -> Bool { seconds >= plannedSeconds - 1e-9 }

  /// Records an intensity reported at `seconds`; values outside 0–10 are refused.
  public mutating func report(_ intensity: Int, at seconds: Double) throws(EntryValidationError) {
    guard Urge.intensityRange.contains(intensity) else {
      throw EntryValidationError(field: "intensity", problem: "must be a whole number from 0 to 10")
    }
    lastIntensity = intensity
    checkIns.append((seconds, intensity))
  }

  /// The urge to log after `seconds`: the starting and last intensity, the minutes surfed
  /// (rounded), resisted unless the person acted, and coping "urge surfing".
  public func urge(after seconds: Double, acted: Bool, triggers: [String], note: String? = nil)
    -> Urge
  {
    Urge(
      intensity: startIntensity, triggers: triggers, outcome: acted ? .acted : .resisted,
      durationMinutes: min(Urge.maxDurationMinutes, max(0, Int((seconds / 60).rounded()))),
      coping: Self.coping, finalIntensity: lastIntensity, note: note)
  }

  /// Reads an intensity as typed: a whole number from 0 to 10, spaces allowed around it.
  public static func parseIntensity(_ text: String) -> Int? {
    guard let value = Int(text.trimmingWhitespace()), Urge.intensityRange.contains(value) else {
      return nil
    }
    return value
  }

  /// The breathing guide at `seconds`: 0 (empty lungs) to 1 (full), a smooth wave of 4 seconds
  /// in and 6 out (a 10-second breath, six a minute).
  public static func breath(at seconds: Double) -> Double {
    let phase = seconds.truncatingRemainder(dividingBy: 10)
    if phase < 4 {
      return (1 - cos(phase / 4 * .pi)) / 2
    }
    return (1 + cos((phase - 4) / 6 * .pi)) / 2
  }

  /// Whether the guide is breathing in at `seconds`.
  public static func breathingIn(at seconds: Double) -> Bool {
    seconds.truncatingRemainder(dividingBy: 10) < 4
  }
}
