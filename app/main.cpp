// Placeholder entry point; replaced by the real GUI/CLI dispatcher.
#include <QCoreApplication>
#include <cstdio>
int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    std::puts("socket-workbench " SWB_VERSION);
    return 0;
}
