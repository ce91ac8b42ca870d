import SottoCore

#if canImport(Glibc)
  import Glibc
#endif

/// The controlling terminal: prompts without echo, raw mode for `surf`'s screen, and putting
/// the terminal back from a signal handler.
///
/// The one file of the CLI with state shared outside Swift's checking (`nonisolated(unsafe)`):
/// the settings to restore are written before the handlers that read them are installed, and
/// only on the main thread, which alone prompts; a handler only reads them and exits.
enum Terminal {
  /// Terminal settings to restore if the person presses Ctrl-C while echo is off.
  nonisolated(unsafe) private static var saved = termios()
  nonisolated(unsafe) private static var savedDescriptor: Int32 = -1
  /// Standard input's settings to put back when raw mode ends, however it ends.
  nonisolated(unsafe) private static var savedInput = termios()
  nonisolated(unsafe) private static var rawModeOn = false
  /// What a signal handler writes to standard output before it puts raw mode's settings back.
  nonisolated(unsafe) private static var rawModeLeaveText: [CChar] = [0]

  /// Whether there is a controlling terminal to ask on (a script's process may have none).
  static var isAvailable: Bool {
    let tty = open("/dev/tty", O_RDWR | O_CLOEXEC)
    if tty >= 0 { close(tty) }
    return tty >= 0
  }

  /// Prints `prompt` on the terminal and reads one line without echo.
  static func readSecret(prompt: String) throws(SottoError) -> [UInt8] {
    let tty = open("/dev/tty", O_RDWR | O_CLOEXEC)
    guard tty >= 0 else {
      throw SottoError(
        .passphraseInput,
        "No terminal to ask for the passphrase. For scripts, use --passphrase-file PATH, "
          + "$SOTTO_PASSPHRASE_FILE or --passphrase-fd N.")
    }
    defer { close(tty) }
    _ = prompt.withCString { write(tty, $0, strlen($0)) }
    var original = termios()
    let canHideEcho = tcgetattr(tty, &original) == 0
    if canHideEcho {
      saved = original
      savedDescriptor = tty
      // Ctrl-C and Ctrl-\ give the terminal its echo back before the process ends.
      let restore: @convention(c) (Int32) -> Void = { signalNumber in
        if Terminal.savedDescriptor >= 0 {
          tcsetattr(Terminal.savedDescriptor, TCSAFLUSH, &Terminal.saved)
          _ = write(Terminal.savedDescriptor, "\n", 1)
        }
        _exit(128 + signalNumber)
      }
      signal(SIGINT, restore)
      signal(SIGQUIT, restore)
      var silent = original
      silent.c_lflag &= ~tcflag_t(ECHO)
      silent.c_lflag |= tcflag_t(ECHONL)
      tcsetattr(tty, TCSAFLUSH, &silent)
    }
    defer {
      if canHideEcho {
        tcsetattr(tty, TCSAFLUSH, &original)
        savedDescriptor = -1
        signal(SIGINT, SIG_DFL)
        signal(SIGQUIT, SIG_DFL)
      }
    }
    return try PassphraseReader.readLine(from: tty, closing: false)
  }

  /// Asks a question on the terminal and returns the answer line (echoed).
  static func ask(_ question: String) -> String? {
    let tty = open("/dev/tty", O_RDWR | O_CLOEXEC)
    guard tty >= 0 else { return nil }
    defer { close(tty) }
    _ = question.withCString { write(tty, $0, strlen($0)) }
    guard let bytes = try? PassphraseReader.readLine(from: tty, closing: false) else { return nil }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Writes `text` to standard output, all of it unless the output is closed.
  static func writeOut(_ text: String) {
    let bytes = Array(text.utf8)
    var offset = 0
    while offset < bytes.count {
      let written = Glibc.write(STDOUT_FILENO, Array(bytes[offset...]), bytes.count - offset)
      if written <= 0 { break }
      offset += written
    }
  }

  /// Puts standard input in raw mode (single keys, no echo, no signals from keys; reads wait
  /// at most 0.2 s); SIGINT, SIGTERM, SIGHUP and SIGQUIT then write `leaveText` and put the
  /// terminal back before the process ends. Whether it did: not when standard input is not a
  /// terminal.
  @discardableResult
  static func enterRawMode(restoring leaveText: String) -> Bool {
    guard tcgetattr(STDIN_FILENO, &savedInput) == 0 else { return false }
    rawModeLeaveText = leaveText.utf8CString.map { $0 }
    var raw = savedInput
    raw.c_lflag &= ~tcflag_t(ICANON | ECHO | ISIG | IEXTEN)
    raw.c_iflag &= ~tcflag_t(IXON | ICRNL)
    withUnsafeMutableBytes(of: &raw.c_cc) { cc in
      cc[Int(VMIN)] = 0
      cc[Int(VTIME)] = 2  // reads wait at most 0.2 s, so the screen keeps moving
    }
    for signal in [SIGINT, SIGTERM, SIGHUP, SIGQUIT] {
      Glibc.signal(signal) { number in
        if Terminal.rawModeOn {
          tcsetattr(STDIN_FILENO, TCSAFLUSH, &Terminal.savedInput)
          _ = Glibc.write(
            STDOUT_FILENO, Terminal.rawModeLeaveText, Terminal.rawModeLeaveText.count - 1)
        }
        _exit(128 + number)
      }
    }
    tcsetattr(STDIN_FILENO, TCSAFLUSH, &raw)
    rawModeOn = true
    return true
  }

  /// Writes `text` (the screen's leave sequence) while the handlers still guard it, then puts
  /// standard input's settings back and the signals to their defaults; nothing when raw mode is
  /// off.
  static func leaveRawMode(writingFirst text: String) {
    guard rawModeOn else { return }
    writeOut(text)
    tcsetattr(STDIN_FILENO, TCSAFLUSH, &savedInput)
    rawModeOn = false
    for signal in [SIGINT, SIGTERM, SIGHUP, SIGQUIT] { Glibc.signal(signal, SIG_DFL) }
  }
}
