import ArgumentParser
import SottoAnalytics
import SottoCore

/// The exit statuses Sotto documents in README.md; scripts rely on them.
enum ExitStatus {
  static let failure: Int32 = 1
  static let wrongPassphrase: Int32 = 2
  static let notAJournal: Int32 = 3
  static let journalNotFound: Int32 = 4
  static let journalExists: Int32 = 5
  static let damaged: Int32 = 6
  static let newerFormat: Int32 = 7
  static let storage: Int32 = 8
  static let passphrase: Int32 = 9
  static let entryNotFound: Int32 = 10
  static let concurrentChange: Int32 = 11
  /// A confirmation was declined: nothing was changed.
  static let declined: Int32 = 12
  /// A sync folder is missing, foreign or not this journal's, or the journal does not sync.
  static let syncFolder: Int32 = 13
  static let invalidInput: Int32 = 64

  static func of(_ code: SottoError.Code) -> Int32 {
    switch code {
    case .wrongPassphrase: wrongPassphrase
    case .notAJournal: notAJournal
    case .journalNotFound: journalNotFound
    case .journalExists: journalExists
    case .damaged: damaged
    case .newerFormat: newerFormat
    case .storage: storage
    case .weakPassphrase, .passphraseInput, .passphraseMismatch: passphrase
    case .entryNotFound, .ambiguousID: entryNotFound
    case .concurrentChange: concurrentChange
    case .invalidInput: invalidInput
    case .syncFolder: syncFolder
    case .crypto: failure
    }
  }
}

/// Runs a command body, turning Sotto's errors into one line on stderr and a documented status.
///
/// - Parameter readOnly: the command writes nothing (`list`, `report`): its errors leave out
///   the "Nothing was written." that reassures after a failed write, which would only puzzle.
func runReportingErrors(readOnly: Bool = false, _ body: () throws -> Void) throws {
  func say(_ message: String) {
    Console.error(
      readOnly ? message.replacingOccurrences(of: " Nothing was written.", with: "") : message)
  }
  do {
    try body()
  } catch let error as SottoError {
    say(error.message)
    throw ExitCode(ExitStatus.of(error.code))
  } catch let error as JournalCodecError {
    say(error.description)
    throw ExitCode(ExitStatus.invalidInput)
  } catch let error as AnalyticsError {
    say(error.message)
    throw ExitCode(ExitStatus.invalidInput)
  } catch let error as InputError {
    say(error.message)
    throw ExitCode(ExitStatus.invalidInput)
  } catch let declined as Declined {
    Console.note(declined.message)
    throw ExitCode(ExitStatus.declined)
  }
}

/// A value on the command line that Sotto cannot accept; nothing was written.
struct InputError: Error {
  var message: String
  init(_ message: String) { self.message = message }
}
