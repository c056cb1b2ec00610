#pragma once
// Reading and writing test files, and finding inputs in the source tree.
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>

namespace tl::test {

#ifdef TL_SOURCE_DIR
inline std::string source_path(const std::string& relative) { return std::string(TL_SOURCE_DIR) + "/" + relative; }
#endif

inline std::string read_text(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

inline void write_text(const std::string& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary);
    out << text;
    if (!out) throw std::runtime_error("cannot write " + path);
}

inline const char* kSamples[] = {"bus-tyres", "office-furniture", "street-lighting", "lots-demo"};

}  // namespace tl::test
