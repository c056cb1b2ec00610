#pragma once
// Runs the built `tenderloop` binary (path from TL_CLI_PATH) and captures what it printed and how
// it exited; plus a temporary folder for the inputs tests make up.
#include <sys/wait.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "support/files.hpp"
#include "support/temp_dir.hpp"

namespace tl::cli_test {

struct Run {
    int code = -1;  ///< exit code; -1 when the process did not exit normally (a crash)
    std::string out, err;
};

/// A folder that exists for the life of the object.
class TempDir : public tl::test::TempDir {
public:
    TempDir() : tl::test::TempDir("tenderloop-cli") {}
};

using tl::test::read_text;
using tl::test::write_text;

/// Quotes one word for /bin/sh.
inline std::string sh_quote(const std::string& word) {
    std::string q = "'";
    for (char c : word) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return q + "'";
}

/// Runs `tenderloop ARGS...`; stdout through the pipe, stderr through a temporary file. `env`:
/// variables set for this run only, e.g. {"LANG=ru_RU.UTF-8"}.
inline Run run_cli(const std::vector<std::string>& args, const std::vector<std::string>& env = {}) {
    TempDir tmp;
    const std::string err_file = tmp.file("stderr.txt");
    std::string cmd;
    if (!env.empty()) {
        cmd = "env";
        for (const auto& v : env) cmd += " " + sh_quote(v);
        cmd += " ";
    }
    cmd += sh_quote(TL_CLI_PATH);
    for (const auto& a : args) cmd += " " + sh_quote(a);
    cmd += " 2>" + sh_quote(err_file);
    Run r;
    std::FILE* pipe = ::popen(cmd.c_str(), "r");
    if (!pipe) throw std::runtime_error("popen failed: " + cmd);
    char buf[4096];
    std::size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, pipe)) > 0) r.out.append(buf, n);
    const int status = ::pclose(pipe);
    r.code = (status != -1 && WIFEXITED(status)) ? WEXITSTATUS(status) : -1;
    r.err = read_text(err_file);
    return r;
}

inline std::string sample(const std::string& name, const std::string& file) {
    return std::string(TL_SAMPLES_DIR) + "/" + name + "/" + file;
}

}  // namespace tl::cli_test
