import Foundation
import SottoCore

#if canImport(Glibc)
  import Glibc
#endif

/// The full-screen timer of `sotto surf`: a breathing bar and a slow wave with the time left,
/// redrawn in place. Raw mode so single keys work (q, Ctrl-C, digits at a check-in); the
/// terminal is put back however the session ends, including SIGTERM and SIGHUP.
struct SurfScreen {
  var minutes: Double
  var intensity: Int?

  private static let enter = "\u{1B}[?1049h\u{1B}[?25l\u{1B}[2J"
  private static let leave = "\u{1B}[?25h\u{1B}[?1049l"

  func run() throws -> SurfResult {
    let first = try intensity ?? Self.askIntensity()
    var session = try UrgeSurfSession(minutes: minutes, intensity: first)
    let clock = Stopwatch()
    var answer: String?
    var lastCheckIn = 0.0
    var stoppedAt: Double?

    Self.enterRawMode()
    defer { Self.leaveRawMode() }
    while true {
      let now = clock.seconds
      if session.isOver(at: now) { break }
      if answer == nil, let due = session.schedule.last(where: { $0 <= now }), due > lastCheckIn {
        lastCheckIn = due
        answer = ""
      }
      Self.draw(session: session, seconds: now, answer: answer)
      guard let key = Self.readKey() else { continue }
      if key == 3 || key == 4 || key == UInt8(ascii: "q") || key == UInt8(ascii: "Q") {
        stoppedAt = clock.seconds
        break
      }
      guard var typed = answer else { continue }
      switch key {
      case UInt8(ascii: "0")...UInt8(ascii: "9"):
        if typed.count < 2 { typed += String(UnicodeScalar(key)) }
        answer = typed
      case 127, 8:
        if !typed.isEmpty { typed.removeLast() }
        answer = typed
      case 13, 10:
        if let value = UrgeSurfSession.parseIntensity(typed) {
          try session.report(value, at: clock.seconds)
        }
        answer = nil
      case 27:
        answer = nil
      default:
        break
      }
    }
    let seconds = stoppedAt ?? session.plannedSeconds
    Self.leaveRawMode()
    Console.out(stoppedAt == nil ? "Time is up." : "Stopped.")
    if let line = Terminal.ask(
      "How strong is it now, 0-10? (Enter keeps \(session.lastIntensity)) "),
      let value = UrgeSurfSession.parseIntensity(line)
    {
      try session.report(value, at: seconds)
    }
    let acted = Terminal.ask("Did you act on it? [y/N] ").map(PlainSurf.isYes) ?? false
    return SurfResult(session: session, seconds: seconds, acted: acted)
  }

  private static func askIntensity() throws -> Int {
    while true {
      guard let line = Terminal.ask("How strong is the urge right now, 0-10? ") else {
        throw InputError("No intensity was given (a whole number from 0 to 10).")
      }
      if let value = UrgeSurfSession.parseIntensity(line) { return value }
      Console.out("Please type a whole number from 0 to 10.")
    }
  }

  // MARK: Terminal

  private static func write(_ text: String) { Terminal.writeOut(text) }

  private static func enterRawMode() {
    if Terminal.enterRawMode(restoring: leave) { write(enter) }
  }

  private static func leaveRawMode() {
    Terminal.leaveRawMode(writingFirst: leave)
  }

  private static func readKey() -> UInt8? {
    var byte: UInt8 = 0
    return read(STDIN_FILENO, &byte, 1) == 1 ? byte : nil
  }

  private static func size() -> (columns: Int, rows: Int) {
    var size = winsize()
    guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0, size.ws_row > 0
    else { return (80, 24) }
    return (Int(size.ws_col), Int(size.ws_row))
  }

  // MARK: Drawing

  private static func draw(session: UrgeSurfSession, seconds: Double, answer: String?) {
    let (columns, rows) = size()
    let lines = SurfFrame.lines(
      session: session, seconds: seconds, answer: answer, width: min(columns, 80))
    let top = max(0, (rows - lines.count) / 2)
    let left = String(repeating: " ", count: max(0, (columns - min(columns, 80)) / 2))
    var text = "\u{1B}[H"
    text += String(repeating: "\u{1B}[K\r\n", count: top)
    for line in lines.prefix(max(0, rows - top - 1)) { text += left + line + "\u{1B}[K\r\n" }
    text += "\u{1B}[J"
    write(text)
  }
}

/// One frame of the timer, as plain lines at most `width` columns wide (no escapes).
enum SurfFrame {
  static func lines(session: UrgeSurfSession, seconds: Double, answer: String?, width: Int)
    -> [String]
  {
    func center(_ text: String) -> String {
      let pad = max(0, (width - text.count) / 2)
      return String(repeating: " ", count: pad) + text
    }
    let breath = UrgeSurfSession.breath(at: seconds)
    let barWidth = max(10, min(60, width - 20))
    let filled = Int((breath * Double(barWidth)).rounded())
    let half = (barWidth - filled) / 2
    let bar =
      String(repeating: "·", count: half) + String(repeating: "█", count: filled)
      + String(repeating: "·", count: barWidth - filled - half)
    let remaining = Int(session.remaining(at: seconds).rounded(.up))
    let clock = String(format: "%d:%02d", remaining / 60, remaining % 60)
    var lines = [
      center("urge surfing"),
      "",
      center("An urge is a wave: it rises, peaks and passes."),
      center("You don't have to do anything but notice it."),
      "",
    ]
    lines += wave(seconds: seconds, width: min(width - 4, 64)).map(center)
    lines += [
      "",
      center(UrgeSurfSession.breathingIn(at: seconds) ? "breathe in" : "breathe out"),
      center(bar),
      "",
      center("\(clock) left"),
      center("urge now: \(session.lastIntensity)/10 (started at \(session.startIntensity)/10)"),
      "",
    ]
    if let answer {
      lines.append(center("How strong is it now? Type 0-10 and Enter: \(answer)_"))
      lines.append(center("(Esc skips)"))
    } else {
      lines.append(center("q or Ctrl-C to stop"))
      lines.append("")
    }
    return lines
  }

  /// Five rows of a slow wave drifting left, one cycle every 20 seconds.
  static func wave(seconds: Double, width: Int) -> [String] {
    let height = 5
    var grid = Array(repeating: Array(repeating: Character(" "), count: width), count: height)
    for x in 0..<width {
      let value = sin(Double(x) / Double(width) * 2 * .pi * 1.5 + seconds / 20 * 2 * .pi)
      let row = Int(((1 - value) / 2 * Double(height - 1)).rounded())
      grid[row][x] = "~"
      for below in (row + 1)..<height { grid[below][x] = "." }
    }
    return grid.map { String($0) }
  }
}
