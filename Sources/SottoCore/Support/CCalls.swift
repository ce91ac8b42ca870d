import CPwquality
import CSottoSupport
import SottoCrypto

#if canImport(Glibc)
  import Glibc
#endif

/// The C calls of SottoCore that take pointers, each wrapped over arrays and spans: the one file
/// of the module with pointer code (as swift-nio keeps its system calls in `Syscalls.swift`).
///
/// What makes each safe is the same: every pointer is made here from a value borrowed for the
/// duration of one call, sized by that value, and no C function keeps it after returning.
enum CCalls {
  /// `write(2)` of `bytes` from `offset` on: what it returned (the count written, or -1 with
  /// `errno` set).
  static func write(_ descriptor: Int32, _ bytes: Span<UInt8>, from offset: Int) -> Int {
    precondition(offset >= 0 && offset <= bytes.count)
    return bytes.withUnsafeBufferPointer { buffer in
      Glibc.write(descriptor, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
    }
  }

  /// `read(2)` into `buffer`, up to its count: what it returned.
  static func read(_ descriptor: Int32, into buffer: inout [UInt8]) -> Int {
    Glibc.read(descriptor, &buffer, buffer.count)
  }

  /// `pread(2)` into the first `count` bytes of `buffer` (no more than it holds), at `offset`:
  /// what it returned.
  static func pread(_ descriptor: Int32, into buffer: inout [UInt8], count: Int, at offset: Int)
    -> Int
  {
    Glibc.pread(descriptor, &buffer, min(count, buffer.count), off_t(offset))
  }

  /// Up to `count` bytes at `offset`: fewer at the end of the file, none after an error.
  static func pread(_ descriptor: Int32, count: Int, at offset: Int) -> [UInt8] {
    var buffer = [UInt8](repeating: 0, count: count)
    let got = pread(descriptor, into: &buffer, count: count, at: offset)
    return Array(buffer.prefix(max(got, 0)))
  }

  /// `pwrite(2)` of the first `count` bytes of `bytes` (no more than it holds) at `offset`:
  /// what it returned.
  static func pwrite(_ descriptor: Int32, _ bytes: [UInt8], count: Int, at offset: Int) -> Int {
    Glibc.pwrite(descriptor, bytes, min(count, bytes.count), off_t(offset))
  }

  /// Calls `body` with a NULL-terminated C array of `words`, valid only during the call.
  static func withCStringArray<T>(
    _ words: [String], _ body: (UnsafePointer<UnsafeMutablePointer<CChar>?>) -> T
  ) -> T {
    var pointers: [UnsafeMutablePointer<CChar>?] = words.map { strdup($0) }
    pointers.append(nil)
    defer { for pointer in pointers { free(pointer) } }
    return pointers.withUnsafeBufferPointer { body($0.baseAddress!) }
  }

  /// libpwquality's score (0 to 100) of the NUL-terminated passphrase `terminated`, or its
  /// negative error, and its message for an error. `options` are set on default settings.
  static func pwqualityCheck(_ terminated: SecureBytes, options: [String]) -> (Int32, String) {
    guard let settings = pwquality_default_settings() else {
      return (-1, "libpwquality could not start (out of memory)")
    }
    defer { pwquality_free_settings(settings) }
    for option in options where pwquality_set_option(settings, option) != 0 {
      return (-1, "libpwquality refused the setting \(option)")
    }
    var auxiliary: UnsafeMutableRawPointer?
    let score = terminated.withUnsafeBytes { bytes in
      let text = bytes.bindMemory(to: CChar.self).baseAddress!
      return pwquality_check(settings, text, nil, nil, &auxiliary)
    }
    var buffer = [CChar](repeating: 0, count: Int(PWQ_MAX_ERROR_MESSAGE_LEN))
    // Called for every result: it also frees what `auxiliary` points to.
    let message = buffer.withUnsafeMutableBufferPointer { out in
      pwquality_strerror(out.baseAddress, out.count, score, auxiliary).map { String(cString: $0) }
    }
    return (score, message ?? "")
  }

  /// Overwrites the process's arguments in its own memory after the first `keep` (the
  /// program's name, and the command's): what `/proc/PID/cmdline` shows from then on.
  static func scrubArguments(keeping keep: Int) {
    sotto_scrub_arguments(CommandLine.argc, CommandLine.unsafeArgv, Int32(keep))
  }
}
