#pragma once

#include <QStringList>

namespace swb::cli {

// socket-workbench http-get URL [...]: the HTTP GET of the seed on a bare socket. The trace goes
// to stderr like curl -v (* steps, > request lines, < response lines), the body to stdout or
// --output; the exit code follows the ErrorKind.
int runHttpGet(const QStringList &arguments);

} // namespace swb::cli
