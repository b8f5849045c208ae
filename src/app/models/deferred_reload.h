// When a model reads the study again after changes: once per burst of notifications (an undo
// announces several), and not at all while its view is off screen (each tag would otherwise
// re-read every quote); a change that came meanwhile is read when the view is shown again.
#pragma once

#include <QObject>
#include <QTimer>

#include <functional>

namespace jtbd::app {

class DeferredReload final : public QObject
{
public:
    DeferredReload(std::function<void()> reload, QObject *parent);

    // A change came: reload once the event loop runs, or when next active.
    void request();
    // Off screen (false) or on screen again (true, reloading now if a change came meanwhile).
    void setActive(bool active);
    // The owner is reloading now: nothing is pending any more.
    void reloading();

private:
    std::function<void()> m_reload;
    QTimer m_timer;
    bool m_active = true;
    bool m_stale = false; // a change came while not active
};

} // namespace jtbd::app
