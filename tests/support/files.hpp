#pragma once
// Reading test inputs from the source tree.
#include <fstream>
#include <sstream>
#include <string>

namespace tl::test {

inline std::string source_path(const std::string& relative) { return std::string(TL_SOURCE_DIR) + "/" + relative; }

inline std::string read_text(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

inline const char* kSamples[] = {"bus-tyres", "office-furniture", "street-lighting", "lots-demo"};

}  // namespace tl::test
