#include "core/sha256.hpp"

#include <nettle/sha2.h>

namespace tl {

struct Sha256::State {
    sha256_ctx ctx;
};

Sha256::Sha256() : state_(std::make_unique<State>()) { sha256_init(&state_->ctx); }
Sha256::~Sha256() = default;

void Sha256::update(std::string_view bytes) {
    sha256_update(&state_->ctx, bytes.size(), reinterpret_cast<const uint8_t*>(bytes.data()));
}

std::string Sha256::hex_digest() {
    uint8_t digest[SHA256_DIGEST_SIZE];
    sha256_digest(&state_->ctx, SHA256_DIGEST_SIZE, digest);  // also resets the context
    static const char* hex = "0123456789abcdef";
    std::string out;
    out.reserve(2 * SHA256_DIGEST_SIZE);
    for (uint8_t b : digest) {
        out += hex[b >> 4];
        out += hex[b & 15];
    }
    return out;
}

std::string sha256_hex(std::string_view bytes) {
    Sha256 h;
    h.update(bytes);
    return h.hex_digest();
}

}  // namespace tl
