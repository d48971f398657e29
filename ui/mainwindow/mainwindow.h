#pragma once

#include <QMainWindow>

namespace saliscope::ui {

/// The application window: menus and docks wired together; behaviour lives in the docks.
class MainWindow final : public QMainWindow {
    Q_OBJECT

public:
    explicit MainWindow(QWidget* parent = nullptr);

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void createMenus();
    void showAbout();
};

} // namespace saliscope::ui
