import CSottoSupport
import Foundation

/// Work started on another thread now, whose result is waited for later.
///
/// Argon2id keeps one core busy for its whole run; a command that needs a second derived key
/// (a backup's, a restored journal's) starts it beside the other work instead of after it.
///
/// `@unchecked Sendable`: `outcome` is written once by the worker before it signals `done`,
/// and read only after waiting on `done`.
public final class BackgroundWork<Value: Sendable>: @unchecked Sendable {
  private let done = DispatchSemaphore(value: 0)
  private var outcome: Result<Value, SottoError>?

  /// Starts `work` on a global queue.
  public init(_ work: @escaping @Sendable () throws(SottoError) -> Value) {
    DispatchQueue.global(qos: .userInitiated).async { [self] in
      do throws(SottoError) {
        outcome = .success(try work())
      } catch {
        outcome = .failure(error)
      }
      // The work derives keys; libsodium leaves the last block of it on this thread's stack,
      // which nothing else will overwrite (Scripts/memory-snapshot found the KEK there).
      sotto_scrub_stack()
      done.signal()
    }
  }

  /// Waits for the work to finish and returns its result, or throws its error.
  public func value() throws(SottoError) -> Value {
    done.wait()
    done.signal()
    return try outcome!.get()
  }
}
