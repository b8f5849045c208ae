#include <app/models/deferred_reload.h>

namespace jtbd::app {

DeferredReload::DeferredReload(std::function<void()> reload, QObject *parent)
    : QObject(parent)
    , m_reload(std::move(reload))
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(0);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        if (m_active)
            m_reload();
        else
            m_stale = true;
    });
}

void DeferredReload::request()
{
    m_timer.start();
}

void DeferredReload::setActive(bool active)
{
    m_active = active;
    if (active && (m_stale || m_timer.isActive()))
        m_reload();
}

void DeferredReload::reloading()
{
    m_timer.stop();
    m_stale = false;
}

} // namespace jtbd::app
