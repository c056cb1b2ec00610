#pragma once
/// Reading a whole input file into memory, with the guards a file from a stranger needs: only
/// ordinary files (never a device, a pipe or a folder, which would read forever or as empty) and
/// a size limit per kind of file, checked before and while reading. The limits are documented in
/// docs/LANGUAGE.md ("Limits") and docs/PROJECT.md; their peak memory is in bench/README.md.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/message.hpp"

namespace tl {

/// The kinds of file TenderLoop reads, each with its own size limit.
enum class InputKind {
    Rules,     ///< a rules file (.crit), also one imported by another, a template, a library set
    Bids,      ///< a bids file (CSV)
    BidForm,   ///< a bid form (.xlsx) returned by a bidder
    Workbook,  ///< a file TenderLoop wrote itself and reads back to hash it
};

/// The largest file of `kind` that is read (bytes). Rules: 1 MiB, twenty times the largest
/// criteria set we know of, and a bound on the parser's memory (a parsed rule costs about 170
/// bytes per byte of its text: every node keeps its place; measured in bench/README.md);
/// bids: 64 MiB, sixty times the shared 10 000-bid workload; a bid form: 128 MiB, as the xlsx
/// reader's own limit; a workbook of ours: 1 GiB.
std::uint64_t max_input_bytes(InputKind kind);

/// "a rules file", "a bids file", ... as a value, for messages.
Message input_kind_name(InputKind kind);

/// "512 bytes", "12 KiB", "3 MiB" (rounded).
std::string byte_size_text(std::uint64_t bytes);

/// The most characters (Unicode code points) one text may have: a cell of a bids file or a bid
/// form, a text typed for a bid, a string in the rules. It is what one spreadsheet cell holds
/// (Excel: 32 767), so that every text TenderLoop accepts fits the workbook it writes, and it keeps
/// a hostile 20 MB cell out of a project file.
inline constexpr std::size_t kMaxTextChars = 32767;

/// The number of code points in UTF-8 `text` (bytes that do not continue a sequence).
std::size_t utf8_length(std::string_view text);

/// Set when `text` is longer than kMaxTextChars: "the text is too long: 40000 characters, the
/// limit is 32767 (...)" (code "core.input.text-too-long"), for the caller to locate.
std::optional<Message> text_too_long(std::string_view text);

/// A file's bytes, or why they were not read.
struct InputFile {
    std::string bytes;             ///< unchanged: encodings are checked by the readers, who know where
    std::optional<Message> error;  ///< set when nothing was read; names the file (code "core.input.*")
    bool ok() const { return !error; }
};

/// Reads the whole file at `path` as a file of `kind`. Refuses (with `error` set, naming `path`)
/// what cannot be opened, what is not an ordinary file (checked on the open file, so a pipe is
/// never waited on), and a file over max_input_bytes(kind), also one that grows while it is read.
InputFile read_input_file(const std::string& path, InputKind kind);

}  // namespace tl
