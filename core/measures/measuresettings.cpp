// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/measures/measuresettings.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QString>
#include <QStringList>

#include <cmath>
#include <functional>
#include <map>

namespace saliscope {

namespace {

Result<double> parseNumber(const QString& text, const std::string& key)
{
    bool ok = false;
    const double value = text.trimmed().toDouble(&ok);
    if (!ok || !std::isfinite(value))
        return Error{"parameter " + key + " needs a number, got '" + text.toStdString() + "'"};
    return value;
}

struct Setter {
    std::function<Status(MeasureSettings&, const QString&, const std::string&)> apply;
};

Status positive(double value, const std::string& key)
{
    if (value <= 0)
        return Error{"parameter " + key + " must be positive"};
    return Ok{};
}

const std::map<std::string, Setter>& setters()
{
    static const std::map<std::string, Setter> table{
        {"noise.levels", {[](MeasureSettings& s, const QString& v, const std::string& key) -> Status {
             std::vector<double> levels;
             for (const QString& part : v.split(',', Qt::SkipEmptyParts)) {
                 auto number = parseNumber(part, key);
                 if (!number)
                     return number.failure();
                 if (number.value() < 0 || number.value() > 1)
                     return Error{"noise levels must lie in [0, 1]"};
                 if (!levels.empty() && number.value() <= levels.back())
                     return Error{"noise levels must increase"};
                 levels.push_back(number.value());
             }
             if (levels.empty())
                 return Error{"noise.levels needs at least one level"};
             s.noise.levels = levels;
             return Ok{};
         }}},
        {"noise.seed", {[](MeasureSettings& s, const QString& v, const std::string& key) -> Status {
             bool ok = false;
             const qulonglong seed = v.trimmed().toULongLong(&ok);
             if (!ok)
                 return Error{"parameter " + key + " needs a non-negative integer"};
             s.noise.seed = seed;
             return Ok{};
         }}},
        {"noise.salt_vs_pepper", {[](MeasureSettings& s, const QString& v, const std::string& key) -> Status {
             auto n = parseNumber(v, key);
             if (!n || n.value() < 0 || n.value() > 1)
                 return Error{"parameter " + key + " needs a probability in [0, 1]"};
             s.noise.saltVsPepper = n.value();
             return Ok{};
         }}},
        {"noise.generator", {[](MeasureSettings& s, const QString& v, const std::string& key) -> Status {
             const QString name = v.trimmed().toLower();
             if (name == QLatin1String("counter"))
                 s.noise.generator = engine::NoiseGenerator::Counter;
             else if (name == QLatin1String("sequential"))
                 s.noise.generator = engine::NoiseGenerator::Sequential;
             else
                 return Error{"parameter " + key + " is 'counter' or 'sequential', got '" + v.toStdString() + "'"};
             return Ok{};
         }}},
        {"transforms.shift", {[](MeasureSettings& s, const QString& v, const std::string& key) -> Status {
             auto n = parseNumber(v, key);
             if (!n || n.value() < 1 || n.value() != std::floor(n.value()))
                 return Error{"parameter " + key + " needs a positive integer"};
             s.transforms.shiftAtReferenceSize = int(n.value());
             return Ok{};
         }}},
        {"transforms.reference_size", {[](MeasureSettings& s, const QString& v, const std::string& key) -> Status {
             auto n = parseNumber(v, key);
             if (!n || n.value() < 1 || n.value() != std::floor(n.value()))
                 return Error{"parameter " + key + " needs a positive integer"};
             s.transforms.referenceSize = int(n.value());
             return Ok{};
         }}},
        {"degradation.sigma_max", {[](MeasureSettings& s, const QString& v, const std::string& key) -> Status {
             auto n = parseNumber(v, key);
             if (!n)
                 return n.failure();
             s.degradation.sigmaMax = n.value();
             return positive(n.value(), key);
         }}},
        {"degradation.curve_order", {[](MeasureSettings& s, const QString& v, const std::string& key) -> Status {
             auto n = parseNumber(v, key);
             if (!n)
                 return n.failure();
             s.degradation.curveOrder = n.value();
             return positive(n.value(), key);
         }}},
        {"degradation.guide_sigma", {[](MeasureSettings& s, const QString& v, const std::string& key) -> Status {
             auto n = parseNumber(v, key);
             if (!n)
                 return n.failure();
             s.degradation.guideSigma = n.value();
             return n.value() < 0 ? Status(Error{"parameter " + key + " must not be negative"}) : Status(Ok{});
         }}},
        {"ssim.window", {[](MeasureSettings& s, const QString& v, const std::string& key) -> Status {
             auto n = parseNumber(v, key);
             if (!n || n.value() < 3 || int(n.value()) % 2 == 0 || n.value() != std::floor(n.value()))
                 return Error{"parameter " + key + " needs an odd integer >= 3"};
             s.ssim.windowSize = int(n.value());
             return Ok{};
         }}},
        {"ssim.k1", {[](MeasureSettings& s, const QString& v, const std::string& key) -> Status {
             auto n = parseNumber(v, key);
             if (!n)
                 return n.failure();
             s.ssim.k1 = n.value();
             return positive(n.value(), key);
         }}},
        {"ssim.k2", {[](MeasureSettings& s, const QString& v, const std::string& key) -> Status {
             auto n = parseNumber(v, key);
             if (!n)
                 return n.failure();
             s.ssim.k2 = n.value();
             return positive(n.value(), key);
         }}},
        {"score", {[](MeasureSettings& s, const QString& v, const std::string& key) -> Status {
             if (v == QLatin1String("sigmoid"))
                 s.score = ScoreKind::Sigmoid;
             else if (v == QLatin1String("softmax"))
                 s.score = ScoreKind::Softmax;
             else
                 return Error{"parameter " + key + " is sigmoid or softmax"};
             return Ok{};
         }}},
        {"histogram.bins", {[](MeasureSettings& s, const QString& v, const std::string& key) -> Status {
             auto n = parseNumber(v, key);
             if (!n || n.value() < 1 || n.value() > 1000 || n.value() != std::floor(n.value()))
                 return Error{"parameter " + key + " needs an integer in 1..1000"};
             s.histogramBins = int(n.value());
             return Ok{};
         }}},
        {"image.max_pixels", {[](MeasureSettings& s, const QString& v, const std::string& key) -> Status {
             bool ok = false;
             const qlonglong pixels = v.trimmed().toLongLong(&ok);
             if (!ok || pixels < 0)
                 return Error{"parameter " + key + " needs a non-negative integer (pixels; 0: no limit)"};
             s.maxImagePixels = pixels;
             return Ok{};
         }}},
        {"method", {[](MeasureSettings& s, const QString& v, const std::string& key) -> Status {
             const auto method = engine::parseCamMethod(v.trimmed().toStdString());
             if (!method)
                 return Error{"parameter " + key + " is one of " + engine::camMethodNameList() + ", got '"
                              + v.toStdString() + "'"};
             s.method = *method;
             return Ok{};
         }}},
        {"sanity.steps", {[](MeasureSettings& s, const QString& v, const std::string& key) -> Status {
             auto n = parseNumber(v, key);
             if (!n || n.value() < 1 || n.value() > 100 || n.value() != std::floor(n.value()))
                 return Error{"parameter " + key + " needs an integer in 1..100"};
             s.sanity.steps = int(n.value());
             return Ok{};
         }}},
        {"sanity.seed", {[](MeasureSettings& s, const QString& v, const std::string& key) -> Status {
             bool ok = false;
             const qulonglong seed = v.trimmed().toULongLong(&ok);
             if (!ok)
                 return Error{"parameter " + key + " needs a non-negative integer"};
             s.sanity.seed = seed;
             return Ok{};
         }}},
        {"curves.steps", {[](MeasureSettings& s, const QString& v, const std::string& key) -> Status {
             auto n = parseNumber(v, key);
             if (!n || n.value() < 1 || n.value() > 1000 || n.value() != std::floor(n.value()))
                 return Error{"parameter " + key + " needs an integer in 1..1000"};
             s.curves.steps = int(n.value());
             return Ok{};
         }}},
        {"curves.baseline", {[](MeasureSettings& s, const QString& v, const std::string& key) -> Status {
             if (v.trimmed() == QLatin1String("blur"))
                 s.curves.baseline = CurveBaseline::Blur;
             else if (v.trimmed() == QLatin1String("constant"))
                 s.curves.baseline = CurveBaseline::Constant;
             else
                 return Error{"parameter " + key + " is blur or constant"};
             return Ok{};
         }}},
        {"curves.blur_sigma", {[](MeasureSettings& s, const QString& v, const std::string& key) -> Status {
             auto n = parseNumber(v, key);
             if (!n)
                 return n.failure();
             s.curves.blurSigma = n.value();
             return positive(n.value(), key);
         }}},
        {"curves.constant", {[](MeasureSettings& s, const QString& v, const std::string& key) -> Status {
             auto n = parseNumber(v, key);
             if (!n || n.value() < 0 || n.value() > 255 || n.value() != std::floor(n.value()))
                 return Error{"parameter " + key + " needs a grey level in 0..255"};
             s.curves.constant = int(n.value());
             return Ok{};
         }}},
        {"road.noise", {[](MeasureSettings& s, const QString& v, const std::string& key) -> Status {
             auto n = parseNumber(v, key);
             if (!n || n.value() < 0 || n.value() > 1)
                 return Error{"parameter " + key + " needs a number in [0, 1]"};
             s.curves.roadNoise = n.value();
             return Ok{};
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

Status MeasureSettings::set(const std::string& assignment)
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
    QJsonObject noiseJson{{"levels", levels},
                          {"seed", QString::number(noise.seed)},
                          {"salt_vs_pepper", noise.saltVsPepper}};
    // The sequential generator is written as runs stored before the key existed were, so their
    // parameters still match (a CLI run with noise.generator=sequential resumes them).
    if (noise.generator != engine::NoiseGenerator::Sequential)
        noiseJson["generator"] = engine::noiseGeneratorName(noise.generator);
    QJsonObject json{
        {"noise", noiseJson},
        {"transforms",
         QJsonObject{{"shift", transforms.shiftAtReferenceSize}, {"reference_size", transforms.referenceSize}}},
        {"degradation",
         QJsonObject{{"sigma_max", degradation.sigmaMax},
                     {"curve_order", degradation.curveOrder},
                     {"guide_sigma", degradation.guideSigma}}},
        {"ssim",
         QJsonObject{{"window", ssim.windowSize},
                     {"k1", ssim.k1},
                     {"k2", ssim.k2},
                     {"data_range", ssim.dataRange},
                     {"sample_covariance", ssim.sampleCovariance}}},
        {"score", score == ScoreKind::Sigmoid ? "sigmoid" : "softmax"},
        {"histogram_bins", histogramBins},
    };
    // Written only when changed, so runs stored before the key existed still match the defaults.
    if (maxImagePixels != MeasureSettings().maxImagePixels)
        json["image"] = QJsonObject{{"max_pixels", QString::number(maxImagePixels)}};
    if (method != engine::CamMethod::GradCam)
        json["method"] = engine::camMethodName(method);
    const SanityParams sanityDefaults;
    if (sanity.steps != sanityDefaults.steps || sanity.seed != sanityDefaults.seed)
        json["sanity"] = QJsonObject{{"steps", sanity.steps}, {"seed", QString::number(sanity.seed)}};
    const CurveParams curveDefaults;
    if (curves.steps != curveDefaults.steps || curves.baseline != curveDefaults.baseline
        || curves.blurSigma != curveDefaults.blurSigma || curves.constant != curveDefaults.constant
        || curves.roadNoise != curveDefaults.roadNoise)
        json["curves"] = QJsonObject{{"steps", curves.steps},
                                     {"baseline", curves.baseline == CurveBaseline::Blur ? "blur" : "constant"},
                                     {"blur_sigma", curves.blurSigma},
                                     {"constant", curves.constant},
                                     {"road_noise", curves.roadNoise}};
    return json;
}

Result<MeasureSettings> MeasureSettings::fromJson(const QJsonObject& object)
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
    // Settings stored before the counter generator existed were drawn with the sequential one.
    assignments.push_back("noise.generator="
                          + (noise.contains("generator") ? noise.value("generator").toString().toStdString()
                                                         : std::string("sequential")));
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
    const auto image = object.value("image").toObject();
    if (image.contains("max_pixels"))
        assignments.push_back("image.max_pixels=" + image.value("max_pixels").toString().toStdString());
    if (object.contains("method"))
        assignments.push_back("method=" + object.value("method").toString().toStdString());
    const auto sanity = object.value("sanity").toObject();
    numberAssignment(sanity, "steps", "sanity.steps");
    if (sanity.contains("seed"))
        assignments.push_back("sanity.seed=" + sanity.value("seed").toString().toStdString());
    const auto curves = object.value("curves").toObject();
    numberAssignment(curves, "steps", "curves.steps");
    if (curves.contains("baseline"))
        assignments.push_back("curves.baseline=" + curves.value("baseline").toString().toStdString());
    numberAssignment(curves, "blur_sigma", "curves.blur_sigma");
    numberAssignment(curves, "constant", "curves.constant");
    numberAssignment(curves, "road_noise", "road.noise");
    for (const auto& assignment : assignments)
        if (auto status = settings.set(assignment); !status)
            return status.failure();
    return settings;
}

// Explanations are marked for translation in the context "MeasureParameter" (the GUI and the
// report translate them; the CLI prints them in English).
const std::vector<MeasureParameter>& measureParameters()
{
    static const std::vector<MeasureParameter> parameters{
        {"noise.levels",
         QT_TRANSLATE_NOOP("MeasureParameter",
                           "salt-and-pepper noise levels (share of pixels flipped), increasing, in [0, 1]")},
        {"noise.seed",
         QT_TRANSLATE_NOOP("MeasureParameter", "seed of the noise draws; the same seed gives the same noisy images")},
        {"noise.salt_vs_pepper",
         QT_TRANSLATE_NOOP("MeasureParameter",
                           "probability that a flipped pixel becomes white (255) rather than black")},
        {"noise.generator",
         QT_TRANSLATE_NOOP("MeasureParameter",
                           "random generator of the noise draws: counter (drawn on the GPU in one step) or sequential "
                           "(runs stored before 2026-11)"),
         {"counter", "sequential"}},
        {"transforms.shift",
         QT_TRANSLATE_NOOP("MeasureParameter",
                           "shift step in pixels at the reference input size (scaled to each model's size)")},
        {"transforms.reference_size",
         QT_TRANSLATE_NOOP("MeasureParameter", "input size at which transforms.shift applies")},
        {"degradation.sigma_max", QT_TRANSLATE_NOOP("MeasureParameter", "blur sigma of the least salient pixels")},
        {"degradation.curve_order",
         QT_TRANSLATE_NOOP("MeasureParameter", "order of the curve from salience to blur sigma (4: curved)")},
        {"degradation.guide_sigma",
         QT_TRANSLATE_NOOP("MeasureParameter", "Gaussian smoothing of the salience map before it guides the blur")},
        {"ssim.window", QT_TRANSLATE_NOOP("MeasureParameter", "SSIM window size in pixels (odd)")},
        {"ssim.k1", QT_TRANSLATE_NOOP("MeasureParameter", "SSIM stabilising constant K1")},
        {"ssim.k2", QT_TRANSLATE_NOOP("MeasureParameter", "SSIM stabilising constant K2")},
        {"score",
         QT_TRANSLATE_NOOP("MeasureParameter",
                           "synthetic score: sigmoid of the positive logit (paper) or softmax probability"),
         {"sigmoid", "softmax"}},
        {"histogram.bins", QT_TRANSLATE_NOOP("MeasureParameter", "bins of the summary histograms over [0, 1]")},
        {"image.max_pixels",
         QT_TRANSLATE_NOOP("MeasureParameter",
                           "largest image decoded, in pixels (width x height); larger ones are skipped with the "
                           "reason; 0: no limit")},
        {"method",
         QT_TRANSLATE_NOOP("MeasureParameter",
                           "salience method of the run's maps (gradcam: the paper's Grad-CAM; measure --method "
                           "runs several)"),
         engine::camMethodNames()},
        {"sanity.steps",
         QT_TRANSLATE_NOOP("MeasureParameter",
                           "sanity checks: cascading randomisation steps at most, from the head down (blocks "
                           "grouped evenly when a model has more)")},
        {"sanity.seed", QT_TRANSLATE_NOOP("MeasureParameter", "sanity checks: seed of the re-initialised weights")},
        {"curves.steps",
         QT_TRANSLATE_NOOP("MeasureParameter",
                           "deletion, insertion and ROAD: steps from no pixel to every pixel (one forward pass each)")},
        {"curves.baseline",
         QT_TRANSLATE_NOOP("MeasureParameter",
                           "deletion and insertion: what removed pixels become, the blurred image or a constant grey"),
         {"blur", "constant"}},
        {"curves.blur_sigma",
         QT_TRANSLATE_NOOP("MeasureParameter",
                           "deletion and insertion: Gaussian sigma of the blurred baseline, pixels")},
        {"curves.constant",
         QT_TRANSLATE_NOOP("MeasureParameter", "deletion and insertion: grey level (0..255) of the constant baseline")},
        {"road.noise",
         QT_TRANSLATE_NOOP("MeasureParameter",
                           "ROAD: standard deviation of the imputation noise, as a share of the full range")},
    };
    return parameters;
}

std::string MeasureSettings::value(const std::string& key) const
{
    QString text;
    if (key == "noise.levels")
        text = levelsText(noise.levels);
    else if (key == "noise.seed")
        text = QString::number(noise.seed);
    else if (key == "noise.salt_vs_pepper")
        text = QString::number(noise.saltVsPepper);
    else if (key == "noise.generator")
        text = QString::fromLatin1(engine::noiseGeneratorName(noise.generator));
    else if (key == "transforms.shift")
        text = QString::number(transforms.shiftAtReferenceSize);
    else if (key == "transforms.reference_size")
        text = QString::number(transforms.referenceSize);
    else if (key == "degradation.sigma_max")
        text = QString::number(degradation.sigmaMax);
    else if (key == "degradation.curve_order")
        text = QString::number(degradation.curveOrder);
    else if (key == "degradation.guide_sigma")
        text = QString::number(degradation.guideSigma);
    else if (key == "ssim.window")
        text = QString::number(ssim.windowSize);
    else if (key == "ssim.k1")
        text = QString::number(ssim.k1);
    else if (key == "ssim.k2")
        text = QString::number(ssim.k2);
    else if (key == "score")
        text = score == ScoreKind::Sigmoid ? QStringLiteral("sigmoid") : QStringLiteral("softmax");
    else if (key == "histogram.bins")
        text = QString::number(histogramBins);
    else if (key == "image.max_pixels")
        text = QString::number(maxImagePixels);
    else if (key == "method")
        text = QString::fromLatin1(engine::camMethodName(method));
    else if (key == "sanity.steps")
        text = QString::number(sanity.steps);
    else if (key == "sanity.seed")
        text = QString::number(sanity.seed);
    else if (key == "curves.steps")
        text = QString::number(curves.steps);
    else if (key == "curves.baseline")
        text = curves.baseline == CurveBaseline::Blur ? QStringLiteral("blur") : QStringLiteral("constant");
    else if (key == "curves.blur_sigma")
        text = QString::number(curves.blurSigma);
    else if (key == "curves.constant")
        text = QString::number(curves.constant);
    else if (key == "road.noise")
        text = QString::number(curves.roadNoise);
    return text.toStdString();
}

std::string MeasureSettings::describe() const
{
    std::string text;
    for (const auto& parameter : measureParameters()) {
        std::string line = parameter.key + "=" + value(parameter.key);
        if (line.size() < 44)
            line.resize(44, ' ');
        text += line + "  # " + parameter.explanation + "\n";
    }
    return text;
}

} // namespace saliscope
