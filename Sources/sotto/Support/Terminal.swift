import SottoCore

#if canImport(Glibc)
  import Glibc
#endif

/// The controlling terminal: prompts without echo, and restoring it on Ctrl-C.
enum Terminal {
  /// Terminal settings to restore if the person presses Ctrl-C while echo is off.
  nonisolated(unsafe) private static var saved = termios()
  nonisolated(unsafe) private static var savedDescriptor: Int32 = -1

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
}
