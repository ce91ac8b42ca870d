import Foundation
import Testing

@testable import SottoCore

/// Files written in pieces (backups) keep the guarantees of a file written at once.
@Suite struct PlaintextFileTests {
  @Test func aFileWrittenInPiecesIsPrivateAndWhole() throws {
    let folder = TemporaryFolder()
    let path = folder.path + "/out"
    try PlaintextFile.write(to: path, overwrite: false) { (file) throws(SottoError) in
      // Enough to pass the point where the disk is asked to start writing.
      for index in 0..<6 {
        let piece = [UInt8](repeating: UInt8(index), count: 1 << 20)
        try file.write(piece)
      }
    }
    let written = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
    #expect(written.count == 6 << 20)
    #expect(written[(5 << 20)...].allSatisfy { $0 == 5 })
    let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
    #expect(mode == 0o600)
  }

  @Test func aFailureOnTheWayRemovesTheFile() throws {
    let folder = TemporaryFolder()
    let path = folder.path + "/out"
    #expect(throws: SottoError.self) {
      try PlaintextFile.write(to: path, overwrite: false) { (file) throws(SottoError) in
        try file.write(Array("half".utf8))
        throw SottoError(.invalidInput, "stopped")
      }
    }
    #expect(!FileManager.default.fileExists(atPath: path))
  }

  @Test func anExistingFileIsLeftAloneWithoutOverwrite() throws {
    let folder = TemporaryFolder()
    let path = folder.path + "/out"
    try Data("keep".utf8).write(to: URL(fileURLWithPath: path))
    var called = false
    #expect(throws: SottoError.self) {
      try PlaintextFile.write(to: path, overwrite: false) { (_) throws(SottoError) in
        called = true
      }
    }
    #expect(!called)
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "keep")
  }
}
