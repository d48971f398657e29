// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/project/measurequeue.h"

#include "core/measures/measurerunner.h"
#include "core/project/projectrun.h"
#include "core/project/projectrunplan.h"
#include "core/project/jobwatch.h"
#include "core/project/projectsession.h"
#include "core/store/projectstore.h"

#include <QFileInfo>
#include <QStringList>
#include <QTimer>

#include <algorithm>
#include <map>
#include <mutex>
#include <tuple>

namespace saliscope {

namespace {

/// Skipped-image messages of a running run, handed from the worker to the GUI thread.
struct LiveMessages final {
    std::mutex mutex;
    std::vector<QString> skipped;
};

/// Passes progress on to the job's sink and keeps the "skipped ..." messages.
class ForwardingSink final : public ProgressSink {
public:
    ForwardingSink(ProgressSink& inner, LiveMessages& live) : m_inner(inner), m_live(live) {}
    void progress(std::int64_t done, std::int64_t total) override { m_inner.progress(done, total); }
    void message(const std::string& text) override
    {
        m_inner.message(text);
        static const std::string prefix = "skipped ";
        if (text.rfind(prefix, 0) == 0) {
            std::lock_guard lock(m_live.mutex);
            m_live.skipped.push_back(QString::fromStdString(text.substr(prefix.size())));
        }
    }

private:
    ProgressSink& m_inner;
    LiveMessages& m_live;
};

QString measureList(const std::set<MeasureKind>& measures)
{
    QStringList names;
    for (auto kind : measures)
        if (kind != MeasureKind::Predictions || measures.size() == 1)
            names << QString::fromLatin1(measureName(kind));
    return names.join(QStringLiteral(", "));
}

} // namespace

struct MeasureQueue::Active final {
    int id = 0;
    JobId job = 0;
    std::shared_ptr<LiveMessages> live;
    std::int64_t rowsSeen = 0;
};

Result<ProjectRunPlan> planRunRequest(const ProjectSession& session, const RunRequest& request)
{
    ProjectStore* store = session.store();
    if (!store)
        return Error{QObject::tr("Open a project first.").toStdString()};
    ProjectRunPlan plan;
    plan.params.measures = request.measures;
    plan.params.measures.insert(MeasureKind::Predictions);
    plan.params.settings = request.settings;
    plan.params.device = request.device;
    plan.params.batchSize = request.batchSize;
    plan.datasetId = request.datasetId;

    std::set<std::int64_t> chosen(request.modelIds.begin(), request.modelIds.end());
    std::vector<StoredFamily> storedFamilies;
    if (!request.families.empty()) {
        auto families = store->families();
        if (!families)
            return families.failure();
        storedFamilies = families.value();
    }
    std::vector<const StoredFamily*> families;
    for (const QString& name : request.families) {
        const StoredFamily* found = nullptr;
        for (const auto& family : storedFamilies)
            if (QString::fromStdString(family.name) == name)
                found = &family;
        if (!found)
            return Error{QObject::tr("The project has no family %1.").arg(name).toStdString()};
        chosen.insert(found->modelIds.begin(), found->modelIds.end());
        families.push_back(found);
    }
    for (const auto& info : session.models()) {
        if (!chosen.count(info.id))
            continue;
        const std::string name = info.name.toStdString();
        plan.params.models.push_back({name, info.stored.path, {}, info.metadata});
        plan.fileHashes[name] = info.stored.fileHash;
        plan.inputSizes.emplace_back(info.metadata.inputWidth, info.metadata.inputHeight);
        chosen.erase(info.id);
    }
    if (!chosen.empty())
        return Error{QObject::tr("Model %1 is not in the project.").arg(*chosen.begin()).toStdString()};
    if (plan.params.models.empty())
        return Error{QObject::tr("Tick at least one model or family.").toStdString()};
    for (const auto* family : families) {
        FamilyEntry entry{family->name, {}};
        for (auto id : family->modelIds)
            if (const ModelInfo* info = session.model(id))
                entry.members.push_back(info->name.toStdString());
        if (entry.members.size() < 2 && plan.params.measures.count(MeasureKind::Stability))
            return Error{QObject::tr("Stability needs at least two models in family %1.")
                             .arg(QString::fromStdString(family->name))
                             .toStdString()};
        plan.params.families.push_back(entry);
    }
    if (plan.params.measures.count(MeasureKind::Stability) && effectiveFamilies(plan.params).empty())
        return Error{QObject::tr("Stability compares models of one family: tick a family or at least two models.")
                         .toStdString()};
    auto dataset = storedDataset(*store, request.datasetId);
    if (!dataset)
        return dataset.failure();
    if (dataset->first.records.empty())
        return Error{QObject::tr("The dataset has no images.").toStdString()};
    plan.params.dataset = std::move(dataset->first);
    plan.contentHashes = std::move(dataset->second);
    return plan;
}

MeasureQueue::MeasureQueue(ProjectSession* session, QObject* parent)
    : QObject(parent), m_session(session), m_timer(new QTimer(this))
{
    m_timer->setInterval(500); // live progress and at most two "rows stored" signals a second
    connect(m_timer, &QTimer::timeout, this, &MeasureQueue::poll);
    connect(session, &ProjectSession::aboutToClose, this, &MeasureQueue::stopAll);
    connect(session, &ProjectSession::projectChanged, this, &MeasureQueue::projectChanged);
    projectChanged();
}

MeasureQueue::~MeasureQueue() { stopAll(); }

const QueuedRun* MeasureQueue::run(int id) const
{
    const int row = rowOf(id);
    return row < 0 ? nullptr : &m_runs[std::size_t(row)];
}

int MeasureQueue::rowOf(int id) const
{
    for (std::size_t row = 0; row < m_runs.size(); ++row)
        if (m_runs[row].id == id)
            return int(row);
    return -1;
}

bool MeasureQueue::isIdle() const
{
    return !m_active && std::none_of(m_runs.begin(), m_runs.end(), [](const QueuedRun& run) {
        return run.status == RunStatus::Queued;
    });
}

Result<int> MeasureQueue::enqueue(const RunRequest& request)
{
    auto plan = planRunRequest(*m_session, request);
    if (!plan)
        return plan.failure();
    return enqueuePlan(std::move(plan).value());
}

Result<int> MeasureQueue::enqueuePlan(ProjectRunPlan plan)
{
    ProjectStore* store = m_session->store();
    if (!store)
        return Error{tr("Open a project first.").toStdString()};
    if (store->isReadOnly())
        return Error{
            tr("The project is read-only: %1").arg(QString::fromStdString(store->readOnlyReason())).toStdString()};
    // The plan's file hashes are the project's: the job checks the files did not change.
    auto run = std::make_unique<ProjectRun>(std::move(plan), /*modelFilesToCheck=*/true);
    if (auto registered = run->registerRuns(*store); !registered)
        return registered.failure();
    for (const auto& entry : m_runs) {
        if (entry.status != RunStatus::Queued && entry.status != RunStatus::Running)
            continue;
        for (const auto& [kind, runId] : run->plan().runIds)
            if (std::find(entry.runIds.begin(), entry.runIds.end(), runId) != entry.runIds.end())
                return Error{tr("The same run is already queued (#%1).").arg(entry.id).toStdString()};
    }
    if (auto status = run->setStatus(*store, RunStatus::Queued); !status)
        return status.failure();
    const ProjectRunPlan& planned = run->plan();

    QueuedRun entry;
    entry.id = m_nextId++;
    entry.measures = measureList(planned.params.measures);
    QStringList models;
    for (const auto& model : planned.params.models)
        models << QString::fromStdString(model.name);
    entry.models = models.join(QStringLiteral(", "));
    entry.dataset = QString::fromStdString(planned.params.dataset.location);
    entry.device = QString::fromStdString(planned.params.device);
    entry.total = std::int64_t(planned.params.dataset.records.size());
    for (const auto& [kind, runId] : planned.runIds)
        entry.runIds.push_back(runId);
    const int id = entry.id;
    m_plans[id] = std::move(run);
    m_runs.push_back(std::move(entry));
    emit runAdded(int(m_runs.size()) - 1);
    emit m_session->runsChanged();
    startNext();
    return id;
}

void MeasureQueue::cancel(int id)
{
    const int row = rowOf(id);
    if (row < 0)
        return;
    QueuedRun& entry = m_runs[std::size_t(row)];
    if (entry.status == RunStatus::Running && m_active && m_active->id == id) {
        m_jobs.cancel(m_active->job);
        return;
    }
    if (entry.status != RunStatus::Queued)
        return;
    if (ProjectStore* store = m_session->store(); store && m_plans.count(id))
        m_plans[id]->setStatus(*store, RunStatus::Cancelled, "cancelled");
    m_plans.erase(id);
    entry.status = RunStatus::Cancelled;
    entry.error = tr("cancelled before it started");
    emit runChanged(row);
    emit m_session->runsChanged();
}

void MeasureQueue::startNext()
{
    ProjectStore* store = m_session->store();
    if (m_active || !store)
        return;
    int row = -1;
    for (std::size_t r = 0; r < m_runs.size() && row < 0; ++r)
        if (m_runs[r].status == RunStatus::Queued)
            row = int(r);
    if (row < 0) {
        m_timer->stop();
        return;
    }
    QueuedRun& entry = m_runs[std::size_t(row)];
    ProjectRun& run = *m_plans.at(entry.id);
    if (auto started = startRun(row, run); !started)
        return failToStart(row, started.error());

    const int id = entry.id;
    const int generation = m_generation;
    auto active = std::make_unique<Active>();
    active->id = id;
    active->live = std::make_shared<LiveMessages>();
    active->job = submitJob<MeasureRunResult>(
        m_jobs, this, "measure run #" + std::to_string(id),
        [work = run.work(), live = active->live](ProgressSink& progress,
                                                 const CancelToken& cancel) -> Result<MeasureRunResult> {
            ForwardingSink forwarding(progress, *live);
            return work(forwarding, cancel);
        },
        [this, id, generation](Result<MeasureRunResult> result) {
            if (generation == m_generation)
                finished(id, std::move(result));
        });
    m_active = std::move(active);
    m_session->info(tr("Run #%1 started: %2 on %3 images (%4 already done)")
                        .arg(id)
                        .arg(entry.measures)
                        .arg(entry.total)
                        .arg(entry.alreadyDone));
    emit runChanged(row);
    emit m_session->runsChanged();
    m_timer->start();
}

Status MeasureQueue::startRun(int row, ProjectRun& run)
{
    ProjectStore& store = *m_session->store();
    QueuedRun& entry = m_runs[std::size_t(row)];
    auto alreadyDone = run.resume(store);
    if (!alreadyDone)
        return alreadyDone.failure();
    entry.alreadyDone = alreadyDone.value();
    entry.total = run.imagesToCompute();
    if (auto started = run.start(store, m_session->path().toStdString()); !started)
        return started;
    entry.status = RunStatus::Running;
    entry.started = QDateTime::currentDateTime();
    entry.done = 0;
    entry.skipped.clear();
    for (const auto& [path, reason] : run.plan().params.dataset.problems) // what the scan set aside, from the start
        entry.skipped.emplace_back(QString::fromStdString(path), QString::fromStdString(reason));
    return Ok{};
}

void MeasureQueue::failToStart(int row, const std::string& error)
{
    QueuedRun& entry = m_runs[std::size_t(row)];
    if (ProjectStore* store = m_session->store())
        m_plans.at(entry.id)->setStatus(*store, RunStatus::Failed, error);
    entry.status = RunStatus::Failed;
    entry.error = QString::fromStdString(error);
    m_plans.erase(entry.id);
    m_session->error(tr("Run #%1 failed: %2").arg(entry.id).arg(entry.error));
    emit runChanged(row);
    emit m_session->runsChanged();
    QTimer::singleShot(0, this, &MeasureQueue::startNext);
}

void MeasureQueue::poll()
{
    if (!m_active)
        return;
    const int row = rowOf(m_active->id);
    if (row < 0)
        return;
    QueuedRun& entry = m_runs[std::size_t(row)];
    if (auto info = m_jobs.info(m_active->job); info && info->progress.total > 0) {
        entry.done = info->progress.done;
        entry.total = info->progress.total;
        entry.imagesPerSecond = info->progress.itemsPerSecond;
        entry.etaSeconds = info->progress.etaSeconds;
    }
    {
        std::lock_guard lock(m_active->live->mutex);
        for (const QString& reason : m_active->live->skipped)
            entry.skipped.emplace_back(QString(), reason);
        m_active->live->skipped.clear();
    }
    emit runChanged(row);
    const std::int64_t rows = m_plans.count(m_active->id) ? m_plans.at(m_active->id)->rowsWritten() : 0;
    if (rows != m_active->rowsSeen) {
        m_active->rowsSeen = rows;
        emit m_session->measureRowsStored();
    }
}

void MeasureQueue::finished(int id, Result<MeasureRunResult> result)
{
    ProjectStore* store = m_session->store();
    const int row = rowOf(id);
    if (!m_active || m_active->id != id || row < 0 || !store)
        return;
    poll();
    QueuedRun& entry = m_runs[std::size_t(row)];
    ProjectRun& run = *m_plans.at(id);
    const ProjectRunPlan& plan = run.plan();
    auto finishedRun = run.finish(*store, result);
    if (finishedRun) {
        entry.status = RunStatus::Finished;
        // Images of the dataset tried: the skipped list starts with the scan's entries, which are not.
        entry.done = result->imagesComputed + std::int64_t(result->skipped.size())
            - std::int64_t(plan.params.dataset.problems.size());
        entry.total = entry.done;
        entry.etaSeconds = 0;
        entry.skipped.clear();
        for (const auto& [path, reason] : result->skipped)
            entry.skipped.emplace_back(QString::fromStdString(path), QString::fromStdString(reason));
        m_session->info(tr("Run #%1 finished: %2 images computed, %3 already done, %4 skipped")
                            .arg(id)
                            .arg(result->imagesComputed)
                            .arg(entry.alreadyDone)
                            .arg(result->skipped.size()));
    } else if (finishedRun.isCancelled()) {
        entry.status = RunStatus::Cancelled;
        entry.error = tr("cancelled");
        entry.etaSeconds = -1;
        m_session->info(tr("Run #%1 cancelled after %2 of %3 images; queue it again to resume")
                            .arg(id)
                            .arg(entry.done)
                            .arg(entry.total));
    } else {
        entry.status = RunStatus::Failed;
        entry.error = QString::fromStdString(finishedRun.error());
        entry.etaSeconds = -1;
        m_session->error(tr("Run #%1 failed: %2").arg(id).arg(entry.error));
    }
    m_active.reset();
    m_plans.erase(id);
    emit runChanged(row);
    emit m_session->measureRowsStored();
    emit m_session->runsChanged();
    startNext();
}

void MeasureQueue::stopAll()
{
    ++m_generation;
    m_timer->stop();
    if (m_active) {
        // The run stays "running" in the store: the next session offers to resume it.
        m_jobs.cancel(m_active->job);
        m_jobs.waitForDone();
        if (ProjectStore* store = m_session->store())
            store->flush();
        m_active.reset();
    }
    m_plans.clear();
    if (!m_runs.empty()) {
        m_runs.clear();
        emit runsCleared();
    }
}

void MeasureQueue::projectChanged()
{
    if (!m_session->isOpen())
        stopAll();
    findUnfinished();
}

void MeasureQueue::findUnfinished()
{
    m_unfinished.clear();
    ProjectStore* store = m_session->store();
    if (store && !store->isReadOnly()) {
        if (auto runs = store->runs()) {
            std::set<std::int64_t> ours;
            for (const auto& entry : m_runs)
                ours.insert(entry.runIds.begin(), entry.runIds.end());
            std::map<std::tuple<std::string, std::int64_t, std::string>, std::vector<std::int64_t>> groups;
            for (const auto& run : runs.value())
                if ((run.status == RunStatus::Queued || run.status == RunStatus::Running) && !ours.count(run.id))
                    groups[{canonicalJson(run.parametersJson), run.datasetId, run.shard}].push_back(run.id);
            for (auto& [key, ids] : groups)
                m_unfinished.push_back(std::move(ids));
        }
    }
    emit unfinishedChanged();
}

int MeasureQueue::resumeUnfinished()
{
    ProjectStore* store = m_session->store();
    int queued = 0;
    const auto groups = m_unfinished;
    m_unfinished.clear();
    for (const auto& ids : groups) {
        if (!store)
            break;
        auto plan = planFromStoredRuns(*store, ids);
        if (plan)
            plan->params.batchSize = m_resumeBatchSize;
        Result<int> id = plan ? enqueuePlan(std::move(plan).value()) : Result<int>(Error{plan.error()});
        if (id) {
            ++queued;
            continue;
        }
        m_session->error(
            tr("Cannot resume runs %1: %2").arg(QString::number(ids.front()), QString::fromStdString(id.error())));
        for (auto runId : ids)
            store->setRunStatus(runId, RunStatus::Failed, "cannot resume: " + id.error());
    }
    emit unfinishedChanged();
    emit m_session->runsChanged();
    return queued;
}

void MeasureQueue::discardUnfinished()
{
    if (ProjectStore* store = m_session->store())
        for (const auto& ids : m_unfinished)
            for (auto runId : ids)
                store->setRunStatus(runId, RunStatus::Cancelled, "discarded");
    m_unfinished.clear();
    emit unfinishedChanged();
    emit m_session->runsChanged();
}

} // namespace saliscope
