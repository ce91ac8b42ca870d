import ArgumentParser
import Foundation
import SottoCore
import SottoModel

struct SurfCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "surf",
    abstract: "Ride out an urge with a calm timer, then log it.",
    discussion: """
      Urge surfing: urges rise, peak and pass, usually within 20 to 30 minutes. Sotto asks how \
      strong the urge is (0-10), shows a slow breathing guide with the minutes left, checks in \
      every few minutes, and at the end (or when you stop with q or Ctrl-C) logs an urge with \
      the starting and last intensity, the minutes surfed, and coping "urge surfing". It is \
      logged as resisted unless you say you acted on it.

      Without a terminal (--no-tty, or output not to a terminal) it reads plain lines from \
      stdin instead: the intensity, one line per check-in (a number, empty to keep the last, \
      or q to stop), the intensity at the end, and y or n for "Did you act on it?".

      Examples:
        sotto surf
        sotto surf --minutes 10 --trigger payday
        printf '8\\n6\\n3\\nn\\n' | sotto surf --no-tty --minutes 1
      """)

  @Option(
    help: ArgumentHelp(
      "How long, in minutes (0.01 to 180; fractions allowed).", valueName: "minutes"))
  var minutes: Double = UrgeSurfSession.defaultMinutes

  @Option(help: ArgumentHelp("The intensity now, 0-10 (asked when not given).", valueName: "n"))
  var intensity: Int?

  @Option(name: .customLong("trigger"), help: "What set it off; repeat for several.")
  var triggers: [String] = []

  @Option(help: "A note, kept encrypted.")
  var note: String?

  @Flag(name: .customLong("no-tty"), help: "Plain lines on stdin and stderr; no timer screen.")
  var noTTY = false

  @Flag(help: "Unlock and log directly even when quick capture is on (asks for the passphrase).")
  var unlock = false

  @OptionGroup var options: JournalOptions

  func validate() throws {
    guard minutes.isFinite, UrgeSurfSession.minutesRange.contains(minutes) else {
      throw ValidationError("The length (--minutes) must be from 0.01 to 180.")
    }
    if let intensity, !Urge.intensityRange.contains(intensity) {
      throw ValidationError("The intensity must be a whole number from 0 to 10.")
    }
  }

  func run() throws {
    try runReportingErrors {
      let clock = Clock()
      let start = try clock.parseEntryTime(nil)
      let interactive = !noTTY && Console.stdinIsTerminal && Console.stdoutIsTerminal
      let result: SurfResult
      if interactive {
        result = try SurfScreen(minutes: minutes, intensity: intensity).run()
      } else {
        result = try PlainSurf(minutes: minutes, intensity: intensity).run()
      }
      let urge = result.session.urge(
        after: result.seconds, acted: result.acted, triggers: LogSupport.names(triggers),
        note: LogSupport.text(note))
      Console.note(
        "Surfed \(PlainSurf.minutesText(result.seconds / 60)): "
          + "\(urge.intensity)/10 at the start, \(urge.finalIntensity ?? urge.intensity)/10 now.")
      try LogSupport.log(
        .urge(urge), at: start, clock: clock, options: options, forceUnlock: unlock,
        keepingIt: true)
    }
  }
}

/// What a session ends with.
struct SurfResult {
  var session: UrgeSurfSession
  /// Seconds surfed, from the start to the end of the timer (or the early stop).
  var seconds: Double
  var acted: Bool
}

/// A monotonic stopwatch.
struct Stopwatch {
  private let start = ContinuousClock.now

  var seconds: Double {
    let elapsed = ContinuousClock.now - start
    return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
  }

  func sleep(until seconds: Double) {
    let wait = seconds - self.seconds
    if wait > 0 { Thread.sleep(forTimeInterval: wait) }
  }
}

/// The session without a terminal: plain lines on stdin, prompts on stderr.
struct PlainSurf {
  var minutes: Double
  var intensity: Int?

  func run() throws -> SurfResult {
    let first: Int
    if let intensity {
      first = intensity
    } else {
      Console.note("How strong is the urge right now, 0-10?")
      guard let line = readLine(strippingNewline: true) else {
        throw InputError("No intensity was given on stdin (a whole number from 0 to 10).")
      }
      guard let value = UrgeSurfSession.parseIntensity(line) else {
        throw InputError("The intensity must be a whole number from 0 to 10. Nothing was written.")
      }
      first = value
    }
    var session = try UrgeSurfSession(minutes: minutes, intensity: first)
    let clock = Stopwatch()
    Console.note(
      "Surfing for \(Self.minutesText(minutes)). Notice the urge rise, peak and pass; "
        + "breathe slowly. At a check-in, type q to stop early.")
    var inputOpen = true
    var stoppedAt: Double?
    for time in session.schedule {
      clock.sleep(until: time)
      guard inputOpen else { continue }
      Console.note(
        "\(Self.minutesText(session.remaining(at: clock.seconds) / 60)) left. How strong is it "
          + "now, 0-10? (Enter keeps \(session.lastIntensity), q stops)")
      guard let line = readLine(strippingNewline: true) else {
        inputOpen = false
        continue
      }
      let answer = line.trimmingWhitespace().lowercased()
      if answer == "q" || answer == "quit" {
        stoppedAt = clock.seconds
        break
      }
      if answer.isEmpty { continue }
      if let value = UrgeSurfSession.parseIntensity(answer) {
        try session.report(value, at: clock.seconds)
      } else {
        Console.note("Not a number from 0 to 10; keeping \(session.lastIntensity).")
      }
    }
    let seconds: Double
    if let stoppedAt {
      seconds = stoppedAt
    } else {
      clock.sleep(until: session.plannedSeconds)
      seconds = session.plannedSeconds
      Console.note("Time is up.")
    }
    var acted = false
    if inputOpen {
      Console.note("How strong is it now, 0-10? (Enter keeps \(session.lastIntensity))")
      if let line = readLine(strippingNewline: true) {
        if let value = UrgeSurfSession.parseIntensity(line) {
          try session.report(value, at: seconds)
        }
        Console.note("Did you act on it? [y/N]")
        if let answer = readLine(strippingNewline: true) {
          acted = Self.isYes(answer)
        }
      }
    }
    return SurfResult(session: session, seconds: seconds, acted: acted)
  }

  static func isYes(_ answer: String) -> Bool {
    ["y", "yes"].contains(answer.trimmingWhitespace().lowercased())
  }

  static func minutesText(_ minutes: Double) -> String {
    if minutes >= 1 {
      let whole = Int(minutes.rounded())
      return "\(whole) minute\(whole == 1 ? "" : "s")"
    }
    let seconds = Int((minutes * 60).rounded())
    return "\(seconds) second\(seconds == 1 ? "" : "s")"
  }
}
