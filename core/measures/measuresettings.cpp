#include "measures/measuresettings.h"

#include <QJsonArray>
#include <QString>
#include <QStringList>

#include <cmath>
#include <functional>
#include <map>

namespace saliscope {

namespace {

using engine::Error;

engine::Result<double> parseNumber(const QString& text, const std::string& key)
{
    bool ok = false;
    const double value = text.trimmed().toDouble(&ok);
    if (!ok || !std::isfinite(value))
        return Error{"parameter " + key + " needs a number, got '" + text.toStdString() + "'"};
    return value;
}

struct Setter {
    std::function<engine::Status(MeasureSettings&, const QString&, const std::string&)> apply;
};

engine::Status positive(double value, const std::string& key)
{
    if (value <= 0)
        return Error{"parameter " + key + " must be positive"};
    return engine::Ok{};
}

const std::map<std::string, Setter>& setters()
{
    static const std::map<std::string, Setter> table{
        {"noise.levels",
         {[](MeasureSettings& s, const QString& v, const std::string& key) -> engine::Status {
              std::vector<double> levels;
              for (const QString& part : v.split(',', Qt::SkipEmptyParts)) {
                  auto number = parseNumber(part, key);
                  if (!number)
                      return Error{number.error()};
                  if (number.value() < 0 || number.value() > 1)
                      return Error{"noise levels must lie in [0, 1]"};
                  if (!levels.empty() && number.value() <= levels.back())
                      return Error{"noise levels must increase"};
                  levels.push_back(number.value());
              }
              if (levels.empty())
                  return Error{"noise.levels needs at least one level"};
              s.noise.levels = levels;
              return engine::Ok{};
          }}},
        {"noise.seed",
         {[](MeasureSettings& s, const QString& v, const std::string& key) -> engine::Status {
              bool ok = false;
              const qulonglong seed = v.trimmed().toULongLong(&ok);
              if (!ok)
                  return Error{"parameter " + key + " needs a non-negative integer"};
              s.noise.seed = seed;
              return engine::Ok{};
          }}},
        {"noise.salt_vs_pepper",
         {[](MeasureSettings& s, const QString& v, const std::string& key) -> engine::Status {
              auto n = parseNumber(v, key);
              if (!n || n.value() < 0 || n.value() > 1)
                  return Error{"parameter " + key + " needs a probability in [0, 1]"};
              s.noise.saltVsPepper = n.value();
              return engine::Ok{};
          }}},
        {"transforms.shift",
         {[](MeasureSettings& s, const QString& v, const std::string& key) -> engine::Status {
              auto n = parseNumber(v, key);
              if (!n || n.value() < 1 || n.value() != std::floor(n.value()))
                  return Error{"parameter " + key + " needs a positive integer"};
              s.transforms.shiftAtReferenceSize = int(n.value());
              return engine::Ok{};
          }}},
        {"transforms.reference_size",
         {[](MeasureSettings& s, const QString& v, const std::string& key) -> engine::Status {
              auto n = parseNumber(v, key);
              if (!n || n.value() < 1 || n.value() != std::floor(n.value()))
                  return Error{"parameter " + key + " needs a positive integer"};
              s.transforms.referenceSize = int(n.value());
              return engine::Ok{};
          }}},
        {"degradation.sigma_max",
         {[](MeasureSettings& s, const QString& v, const std::string& key) -> engine::Status {
              auto n = parseNumber(v, key);
              if (!n)
                  return Error{n.error()};
              s.degradation.sigmaMax = n.value();
              return positive(n.value(), key);
          }}},
        {"degradation.curve_order",
         {[](MeasureSettings& s, const QString& v, const std::string& key) -> engine::Status {
              auto n = parseNumber(v, key);
              if (!n)
                  return Error{n.error()};
              s.degradation.curveOrder = n.value();
              return positive(n.value(), key);
          }}},
        {"degradation.guide_sigma",
         {[](MeasureSettings& s, const QString& v, const std::string& key) -> engine::Status {
              auto n = parseNumber(v, key);
              if (!n)
                  return Error{n.error()};
              s.degradation.guideSigma = n.value();
              return n.value() < 0 ? engine::Status(Error{"parameter " + key + " must not be negative"})
                                   : engine::Status(engine::Ok{});
          }}},
        {"ssim.window",
         {[](MeasureSettings& s, const QString& v, const std::string& key) -> engine::Status {
              auto n = parseNumber(v, key);
              if (!n || n.value() < 3 || int(n.value()) % 2 == 0 || n.value() != std::floor(n.value()))
                  return Error{"parameter " + key + " needs an odd integer >= 3"};
              s.ssim.windowSize = int(n.value());
              return engine::Ok{};
          }}},
        {"ssim.k1",
         {[](MeasureSettings& s, const QString& v, const std::string& key) -> engine::Status {
              auto n = parseNumber(v, key);
              if (!n)
                  return Error{n.error()};
              s.ssim.k1 = n.value();
              return positive(n.value(), key);
          }}},
        {"ssim.k2",
         {[](MeasureSettings& s, const QString& v, const std::string& key) -> engine::Status {
              auto n = parseNumber(v, key);
              if (!n)
                  return Error{n.error()};
              s.ssim.k2 = n.value();
              return positive(n.value(), key);
          }}},
        {"score",
         {[](MeasureSettings& s, const QString& v, const std::string& key) -> engine::Status {
              if (v == QLatin1String("sigmoid"))
                  s.score = ScoreKind::Sigmoid;
              else if (v == QLatin1String("softmax"))
                  s.score = ScoreKind::Softmax;
              else
                  return Error{"parameter " + key + " is sigmoid or softmax"};
              return engine::Ok{};
          }}},
        {"histogram.bins",
         {[](MeasureSettings& s, const QString& v, const std::string& key) -> engine::Status {
              auto n = parseNumber(v, key);
              if (!n || n.value() < 1 || n.value() > 1000 || n.value() != std::floor(n.value()))
                  return Error{"parameter " + key + " needs an integer in 1..1000"};
              s.histogramBins = int(n.value());
              return engine::Ok{};
          }}},
    };
    return table;
}

QString levelsText(const std::vector<double>& levels)
{
    QStringList parts;
    for (double level : levels)
        parts << QString::number(level, 'g', 12);
    return parts.join(',');
}

} // namespace

engine::Status MeasureSettings::set(const std::string& assignment)
{
    const auto equals = assignment.find('=');
    if (equals == std::string::npos)
        return Error{"parameter '" + assignment + "' is not key=value"};
    const std::string key = assignment.substr(0, equals);
    const auto it = setters().find(key);
    if (it == setters().end())
        return Error{"unknown parameter '" + key + "'"};
    MeasureSettings changed = *this;
    auto status = it->second.apply(changed, QString::fromStdString(assignment.substr(equals + 1)), key);
    if (status)
        *this = changed;
    return status;
}

QJsonObject MeasureSettings::toJson() const
{
    QJsonArray levels;
    for (double level : noise.levels)
        levels.append(level);
    return QJsonObject{
        {"noise", QJsonObject{{"levels", levels},
                              {"seed", QString::number(noise.seed)},
                              {"salt_vs_pepper", noise.saltVsPepper}}},
        {"transforms", QJsonObject{{"shift", transforms.shiftAtReferenceSize},
                                   {"reference_size", transforms.referenceSize}}},
        {"degradation", QJsonObject{{"sigma_max", degradation.sigmaMax},
                                    {"curve_order", degradation.curveOrder},
                                    {"guide_sigma", degradation.guideSigma}}},
        {"ssim", QJsonObject{{"window", ssim.windowSize}, {"k1", ssim.k1}, {"k2", ssim.k2},
                             {"data_range", ssim.dataRange}, {"sample_covariance", ssim.sampleCovariance}}},
        {"score", score == ScoreKind::Sigmoid ? "sigmoid" : "softmax"},
        {"histogram_bins", histogramBins},
    };
}

engine::Result<MeasureSettings> MeasureSettings::fromJson(const QJsonObject& object)
{
    MeasureSettings settings;
    std::vector<std::string> assignments;
    const auto noise = object.value("noise").toObject();
    if (noise.contains("levels")) {
        QStringList parts;
        for (const auto& level : noise.value("levels").toArray())
            parts << QString::number(level.toDouble(), 'g', 17);
        assignments.push_back("noise.levels=" + parts.join(',').toStdString());
    }
    if (noise.contains("seed"))
        assignments.push_back("noise.seed=" + noise.value("seed").toString().toStdString());
    auto numberAssignment = [&](const QJsonObject& group, const char* jsonKey, const std::string& key) {
        if (group.contains(jsonKey))
            assignments.push_back(key + "=" + QString::number(group.value(jsonKey).toDouble(), 'g', 17).toStdString());
    };
    numberAssignment(noise, "salt_vs_pepper", "noise.salt_vs_pepper");
    const auto transforms = object.value("transforms").toObject();
    numberAssignment(transforms, "shift", "transforms.shift");
    numberAssignment(transforms, "reference_size", "transforms.reference_size");
    const auto degradation = object.value("degradation").toObject();
    numberAssignment(degradation, "sigma_max", "degradation.sigma_max");
    numberAssignment(degradation, "curve_order", "degradation.curve_order");
    numberAssignment(degradation, "guide_sigma", "degradation.guide_sigma");
    const auto ssim = object.value("ssim").toObject();
    numberAssignment(ssim, "window", "ssim.window");
    numberAssignment(ssim, "k1", "ssim.k1");
    numberAssignment(ssim, "k2", "ssim.k2");
    if (object.contains("score"))
        assignments.push_back("score=" + object.value("score").toString().toStdString());
    numberAssignment(object, "histogram_bins", "histogram.bins");
    for (const auto& assignment : assignments)
        if (auto status = settings.set(assignment); !status)
            return Error{status.error()};
    return settings;
}

std::string MeasureSettings::describe() const
{
    QStringList lines{
        "noise.levels=" + levelsText(noise.levels),
        "noise.seed=" + QString::number(noise.seed),
        "noise.salt_vs_pepper=" + QString::number(noise.saltVsPepper),
        "transforms.shift=" + QString::number(transforms.shiftAtReferenceSize),
        "transforms.reference_size=" + QString::number(transforms.referenceSize),
        "degradation.sigma_max=" + QString::number(degradation.sigmaMax),
        "degradation.curve_order=" + QString::number(degradation.curveOrder),
        "degradation.guide_sigma=" + QString::number(degradation.guideSigma),
        "ssim.window=" + QString::number(ssim.windowSize),
        "ssim.k1=" + QString::number(ssim.k1),
        "ssim.k2=" + QString::number(ssim.k2),
        QStringLiteral("score=") + (score == ScoreKind::Sigmoid ? "sigmoid" : "softmax"),
        "histogram.bins=" + QString::number(histogramBins),
    };
    return lines.join('\n').toStdString() + "\n";
}

} // namespace saliscope
