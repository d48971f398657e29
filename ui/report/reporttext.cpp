// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/report/reporttext.h"

#include <cmath>

namespace saliscope::ui {

QString ReportText::measureTitle(MeasureKind kind)
{
    switch (kind) {
    case MeasureKind::Entropy: return tr("Salience entropy");
    case MeasureKind::Noise: return tr("Reaction to noise");
    case MeasureKind::Transforms: return tr("Resilience to geometric transformations");
    case MeasureKind::Stability: return tr("Stability across training runs");
    case MeasureKind::Degradation: return tr("Salience-guided degradation");
    case MeasureKind::Sanity: return tr("Sanity checks");
    case MeasureKind::Deletion:
    case MeasureKind::Insertion:
    case MeasureKind::Road: return tr("Faithfulness curves");
    case MeasureKind::Localisation: return tr("Localisation");
    case MeasureKind::Predictions: break;
    }
    return tr("Predictions");
}

QString ReportText::choiceTitle(MeasureKind kind)
{
    switch (kind) {
    case MeasureKind::Deletion: return tr("Faithfulness: deletion curve");
    case MeasureKind::Insertion: return tr("Faithfulness: insertion curve");
    case MeasureKind::Road: return tr("Faithfulness: ROAD curves");
    default: return measureTitle(kind);
    }
}

QString ReportText::howToRead(MeasureKind kind)
{
    switch (kind) {
    case MeasureKind::Entropy:
        return tr("Each image's Grad-CAM map is reduced to the Shannon entropy of its 8-bit values, divided by "
                  "the largest possible value, so 0 means all salience on one value and 1 salience spread evenly. "
                  "The histogram shows how the images of each model are distributed; the box plot shows the median, "
                  "quartiles and outlying images. Lower entropy means more focused maps; compare models of similar "
                  "accuracy, since a model can be focused on the wrong region.");
    case MeasureKind::Noise:
        return tr("Salt-and-pepper noise of increasing amount is added to every image. The curves show, per noise "
                  "level, the mean score, the accuracy and the structural similarity (SSIM) between the noisy "
                  "image's map and the clean one. A model whose SSIM falls slowly keeps looking at the same regions "
                  "when the input leaves the training distribution; the area under the SSIM curve summarises it "
                  "(higher is more robust).");
    case MeasureKind::Transforms:
        return tr("Each image is flipped, rotated and shifted; the map of the transformed image is compared (SSIM) "
                  "with the same transformation of the original map. Bars show the mean SSIM per transformation and "
                  "model, and how often the prediction changed. High SSIM means the salience moves with the content, "
                  "as it should.");
    case MeasureKind::Stability:
        return tr("Models of one family differ only in their training seed. For every image and pair of models the "
                  "SSIM of their maps is computed: the histogram shows the distribution over images and pairs, the "
                  "matrix the mean SSIM of each pair. A stable family (high SSIM) explains its decisions the same "
                  "way whichever run is deployed.");
    case MeasureKind::Degradation:
        return tr("Each image is blurred where the map says the model does not look (background) and, separately, "
                  "where it does look (object). The bars compare the fall in confidence of the true class; the "
                  "scatter shows it per image. A faithful map makes object blurring hurt much more than background "
                  "blurring: faithfulness is the difference of the two mean drops (higher is better).");
    case MeasureKind::Sanity:
        return tr("Does the map depend on the model at all? Following Adebayo et al. (\"Sanity Checks for Saliency "
                  "Maps\", NeurIPS 2018), the model's blocks are re-initialised with random weights from the head "
                  "down, step by step, and each step's map is compared with the model's own map: Spearman rank "
                  "correlation of the float maps and SSIM of the 8-bit small maps. The curves show the mean "
                  "similarity per step with a band of one standard deviation; the triangle is the random-logit "
                  "test, the map of another class against the predicted class's. A method explains the model when "
                  "similarity falls as more of the model is randomised; it passes when the mean Spearman "
                  "correlation at the last step (every block randomised) is below 0.5.");
    case MeasureKind::Deletion:
    case MeasureKind::Insertion:
    case MeasureKind::Road:
        return tr("Does the model need the pixels its map calls salient? The pixels of each image are ordered by "
                  "the map's salience and removed (or inserted) in equal steps, one forward pass per step; the "
                  "curves show the mean probability of the class the map explains (the predicted class) against the "
                  "share of pixels changed, with a band of one standard deviation, and each image's curve is "
                  "summarised by the area under it.");
    case MeasureKind::Localisation:
        return tr("Does the map point at the region a mask marks? Each image's map (the upscaled 8-bit map the "
                  "viewer shows) is scored against the human annotation and, where the dataset has them (the demo's "
                  "exact artefact masks), against a second kind of mask, resized to the map with the bilinear "
                  "filter and read as inside above 127. Pointing game (Zhang et al., \"Top-down Neural Attention by "
                  "Excitation Backprop\", ECCV 2016): is the map's maximum inside the mask. Relevance mass accuracy: "
                  "the share of the map's sum inside the mask. Relevance rank accuracy (Arras et al., \"CLEVR-XAI\", "
                  "Information Fusion 2022): of the |mask| most salient pixels, the share inside the mask. Pixel "
                  "AUC: the ROC AUC of the map's values as a detector of the mask's pixels (0.5 is chance). Higher "
                  "is better for all four.");
    case MeasureKind::Predictions: break;
    }
    return {};
}

QString ReportText::curveSentence(const std::string& curve)
{
    if (curve == "deletion")
        return tr("Deletion (Petsiuk et al., \"RISE: Randomized Input Sampling for Explanation of Black-box "
                  "Models\", BMVC 2018): the most salient pixels are replaced first by the baseline (%1). A faithful "
                  "map makes the probability fall fast: lower area is better.");
    if (curve == "insertion")
        return tr("Insertion (RISE): starting from the baseline, the most salient pixels are restored first. A "
                  "faithful map makes the probability rise fast: higher area is better.");
    if (curve == "morf")
        return tr("ROAD, most relevant first (Rong et al., \"A Consistent and Efficient Evaluation Strategy for "
                  "Attribution Methods\", ICML 2022): the most salient pixels are removed first, each removed pixel "
                  "replaced by noisy linear imputation (the weighted mean of its eight neighbours, solved jointly "
                  "for all removed pixels, plus Gaussian noise), so the removal leaves no shape for the model to "
                  "see. Lower area is better.");
    if (curve == "lerf")
        return tr("ROAD, least relevant first: the least salient pixels are removed first, by the same imputation. "
                  "What the map calls unimportant should not matter: higher area is better.");
    return {};
}

QString ReportText::galleryIntroduction(MeasureKind kind)
{
    switch (kind) {
    case MeasureKind::Entropy:
        return tr("The images with the most diffuse and the most focused salience, averaged over the models; each "
                  "model's map is laid over the image (red: most salient).");
    case MeasureKind::Noise:
        return tr("The images whose salience changed least and most under noise (mean SSIM over the noise levels "
                  "above 0 and the models), with each model's map of the clean image.");
    case MeasureKind::Transforms:
        return tr("The images whose salience followed the transformations best and worst (mean SSIM over the "
                  "transformations and models), with each model's map.");
    case MeasureKind::Stability:
        return tr("The images on which the training runs agreed most and least (mean pairwise SSIM), with each "
                  "model's map side by side.");
    case MeasureKind::Degradation:
        return tr("The images whose score fell most and least when the salient object was blurred (mean confidence "
                  "drop over the models), with each model's map.");
    case MeasureKind::Sanity:
        return tr("The images whose maps stayed most and least like the model's own as the model was randomised "
                  "(mean Spearman correlation over the steps and models), with each model's map.");
    case MeasureKind::Deletion:
    case MeasureKind::Insertion:
    case MeasureKind::Road:
    case MeasureKind::Localisation:
    case MeasureKind::Predictions: break;
    }
    return {};
}

QString ReportText::galleryCaption(MeasureKind kind, bool highest, double value)
{
    const QString v = number(value);
    switch (kind) {
    case MeasureKind::Entropy:
        return highest ? tr("Most diffuse salience: mean normalised entropy %1").arg(v)
                       : tr("Most focused salience: mean normalised entropy %1").arg(v);
    case MeasureKind::Noise:
        return highest ? tr("Salience most robust to noise: mean SSIM %1").arg(v)
                       : tr("Salience least robust to noise: mean SSIM %1").arg(v);
    case MeasureKind::Transforms:
        return highest ? tr("Salience most consistent under transformations: mean SSIM %1").arg(v)
                       : tr("Salience least consistent under transformations: mean SSIM %1").arg(v);
    case MeasureKind::Stability:
        return highest ? tr("Most stable salience across training runs: mean pairwise SSIM %1").arg(v)
                       : tr("Least stable salience across training runs: mean pairwise SSIM %1").arg(v);
    case MeasureKind::Degradation:
        return highest ? tr("Largest score drop when the object is blurred: mean confidence drop %1").arg(v)
                       : tr("Smallest score drop when the object is blurred: mean confidence drop %1").arg(v);
    case MeasureKind::Sanity:
        return highest ? tr("Map least changed by randomising the model: mean Spearman correlation %1").arg(v)
                       : tr("Map most changed by randomising the model: mean Spearman correlation %1").arg(v);
    case MeasureKind::Deletion:
    case MeasureKind::Insertion:
    case MeasureKind::Road:
    case MeasureKind::Localisation:
    case MeasureKind::Predictions: break;
    }
    return v;
}

std::vector<std::string> ReportText::parameterKeys(MeasureKind kind)
{
    switch (kind) {
    case MeasureKind::Entropy: return {"score", "histogram.bins"};
    case MeasureKind::Noise:
        return {"noise.levels", "noise.seed", "noise.salt_vs_pepper", "noise.generator", "ssim.window", "ssim.k1",
                "ssim.k2",      "score"};
    case MeasureKind::Transforms:
        return {"transforms.shift", "transforms.reference_size", "ssim.window", "ssim.k1", "ssim.k2", "score",
                "histogram.bins"};
    case MeasureKind::Stability: return {"ssim.window", "ssim.k1", "ssim.k2", "histogram.bins"};
    case MeasureKind::Degradation:
        return {"degradation.sigma_max",
                "degradation.curve_order",
                "degradation.guide_sigma",
                "ssim.window",
                "ssim.k1",
                "ssim.k2",
                "score"};
    case MeasureKind::Sanity: return {"method", "sanity.steps", "sanity.seed"};
    case MeasureKind::Deletion:
    case MeasureKind::Insertion:
    case MeasureKind::Road:
        return {"method", "curves.steps", "curves.baseline", "curves.blur_sigma", "curves.constant", "road.noise"};
    case MeasureKind::Localisation: return {"method"};
    case MeasureKind::Predictions: break;
    }
    return {"score"};
}

QString ReportText::number(double value, int decimals)
{
    if (!std::isfinite(value))
        return tr("n/a");
    return QString::number(value, 'f', decimals);
}

} // namespace saliscope::ui
