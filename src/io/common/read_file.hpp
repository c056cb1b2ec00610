#pragma once
/// Reading a whole input file into memory, for the readers that take text.
#include <string>

namespace tl {

/// The bytes of the file at `path`, unchanged: the encoding is neither checked nor converted here,
/// because the readers check it and can then say where in the file a bad byte is. On failure
/// returns "" and, when `error` is given, sets it to a message naming the file and the reason
/// ("cannot open 'bids.csv': No such file or directory"); on success `*error` is cleared.
std::string read_file_utf8(const std::string& path, std::string* error);

}  // namespace tl
