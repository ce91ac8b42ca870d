import SottoCore
import SottoModel

/// Questions asked before something that cannot be undone, or that looks like a typing mistake.
///
/// One rule for every command: on a terminal Sotto asks, and `y` or `yes` goes on; without a
/// terminal (a script, a pipe) nothing is asked and the command needs `--yes`, so a script
/// never destroys or logs something odd by accident. A declined question ends the command with
/// ``ExitStatus/declined``.
enum Confirmation {
  /// Refuses, before anything is read or asked, when no terminal can answer and `yes` is false.
  ///
  /// - Parameter action: what needs the confirmation, as the start of a sentence ("Deleting an
  ///   entry").
  static func requireAnswerable(_ action: String, yes: Bool) throws {
    guard !yes, !Console.stdinIsTerminal else { return }
    throw InputError(
      "\(action) needs confirmation: run it in a terminal, or add --yes. Nothing was changed.")
  }

  /// Asks `question` (a y/N question) unless `yes`; throws ``Declined`` for anything but y/yes.
  static func confirm(_ question: String, yes: Bool, action: String) throws {
    if yes { return }
    try requireAnswerable(action, yes: yes)
    guard let answer = Terminal.ask(question + " [y/N] "), isYes(answer) else {
      throw Declined()
    }
  }

  /// Whether an answer means yes: `y` or `yes`, in any case, spaces ignored.
  static func isYes(_ answer: String) -> Bool {
    ["y", "yes"].contains(answer.trimmingWhitespace().lowercased())
  }
}

/// The person answered no: nothing was changed, and the command exits with
/// ``ExitStatus/declined``.
struct Declined: Error {
  var message = "Nothing was changed."
}
