#pragma once

#include <QStringList>

namespace swb::cli {

// socket-workbench time HOST [...]: the seed's RFC 868 time client, and daytime and SNTP too. Asks
// the server (with retries), prints every call, then the decoding step by step and the difference
// from the local clock.
int runTime(const QStringList &arguments);

} // namespace swb::cli
