// core/input_file: what TenderLoop reads from outside is an ordinary file within its kind's size
// limit; anything else is refused with a message naming the file, before memory is spent on it.
#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "core/input_file.hpp"
#include "support/po_translator.hpp"
#include "support/temp_dir.hpp"

namespace {

using tl::InputKind;
using tl::read_input_file;
using tl::test::TempDir;

std::string english(const tl::InputFile& f) { return f.error ? tl::word(*f.error, tl::english()) : std::string(); }

const tl::test::PoTranslator& russian() {
    static const tl::test::PoTranslator t((std::filesystem::path(TL_SOURCE_DIR) / "po" / "ru.po").string(), "ru");
    return t;
}

}  // namespace

TEST_CASE("an ordinary file is read byte for byte", "[input_file]") {
    TempDir dir;
    const std::string path = dir.file("bids.csv");
    std::ofstream(path, std::ios::binary) << "\xEF\xBB\xBF" "bidder\r\nA\r\n";
    const tl::InputFile f = read_input_file(path, InputKind::Bids);
    REQUIRE(f.ok());
    CHECK(f.bytes == "\xEF\xBB\xBF" "bidder\r\nA\r\n");
}

TEST_CASE("a missing file and a folder are refused by name", "[input_file]") {
    TempDir dir;
    CHECK(english(read_input_file(dir.file("none.crit"), InputKind::Rules)) ==
          "cannot read " + dir.file("none.crit") + ": No such file or directory");
    CHECK(english(read_input_file(dir.path().string(), InputKind::Rules)) ==
          dir.path().string() + " is a folder, not a file: TenderLoop reads only ordinary files");
}

TEST_CASE("devices are refused before a byte is read (/dev/zero would never end)", "[input_file][hostile]") {
    CHECK(english(read_input_file("/dev/zero", InputKind::Rules)) ==
          "/dev/zero is a character device, not a file: TenderLoop reads only ordinary files");
    CHECK(english(read_input_file("/dev/urandom", InputKind::Bids)) ==
          "/dev/urandom is a character device, not a file: TenderLoop reads only ordinary files");
    const tl::InputFile ru = read_input_file("/dev/zero", InputKind::Rules);
    REQUIRE(ru.error);
    CHECK(tl::word(*ru.error, russian()) ==
          "/dev/zero — это символьное устройство, а не файл: TenderLoop читает только обычные файлы");
}

TEST_CASE("a pipe with no writer is refused at once, not waited on", "[input_file][hostile]") {
    TempDir dir;
    const std::string fifo = dir.file("bids.csv");
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    CHECK(english(read_input_file(fifo, InputKind::Bids)) ==
          fifo + " is a pipe, not a file: TenderLoop reads only ordinary files");
}

TEST_CASE("each kind of file has its size limit, checked before reading", "[input_file][hostile]") {
    CHECK(tl::max_input_bytes(InputKind::Rules) == 1u * 1024 * 1024);
    CHECK(tl::max_input_bytes(InputKind::Bids) == 64u * 1024 * 1024);
    TempDir dir;
    const std::string path = dir.file("huge.crit");
    {
        std::ofstream out(path, std::ios::binary);
        out << "tender \"x\"\n";
    }
    // Exactly at the limit is read; one byte more is refused.
    std::filesystem::resize_file(path, tl::max_input_bytes(InputKind::Rules));
    CHECK(read_input_file(path, InputKind::Rules).ok());
    std::filesystem::resize_file(path, tl::max_input_bytes(InputKind::Rules) + 1);
    const tl::InputFile f = read_input_file(path, InputKind::Rules);
    CHECK_FALSE(f.ok());
    CHECK(f.bytes.empty());
    CHECK(english(f) == path + " is too large for a rules file: 1 MiB, the limit is 1 MiB");
    // A sparse 3 GiB bids file costs nothing to refuse.
    const std::string bids = dir.file("huge.csv");
    std::ofstream(bids, std::ios::binary) << "bidder\n";
    std::filesystem::resize_file(bids, 3ull << 30);
    CHECK(english(read_input_file(bids, InputKind::Bids)) == bids + " is too large for a bids file: 3072 MiB, the limit is 64 MiB");
    const tl::InputFile ru = read_input_file(bids, InputKind::Bids);
    REQUIRE(ru.error);
    CHECK(tl::word(*ru.error, russian()) == bids + " слишком велик для файла заявок: 3072 MiB, предел — 64 MiB");
}

TEST_CASE("byte sizes are rounded to the unit that reads best", "[input_file]") {
    CHECK(tl::byte_size_text(512) == "512 bytes");
    CHECK(tl::byte_size_text(1536) == "2 KiB");
    CHECK(tl::byte_size_text((2ull << 20) + 1) == "2 MiB");
}
