#pragma once
// `socket-workbench tour`: starts the local lab, drives every panel of the real main window through
// one run against it (offscreen when there is no display) and saves a picture of each with an index.md.

namespace swb {

// Creates its own QApplication (call it without one). Exit codes: 0 every panel ran and gave a
// picture, 1 some did not (named on stderr), 2 usage.
int runTour(int &argc, char **argv);

} // namespace swb
