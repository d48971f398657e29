<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>ChartBuilders</name>
    <message>
        <source>images</source>
        <translation>画像</translation>
    </message>
</context>
<context>
    <name>GalleryText</name>
    <message>
        <source>model file %1 not found</source>
        <translation>モデルファイル %1 が見つかりません</translation>
    </message>
    <message>
        <source>Salience maps of the gallery images</source>
        <translation>ギャラリー画像のサリエンシーマップ</translation>
    </message>
    <message>
        <source>model not in the project</source>
        <translation>モデルがプロジェクトにありません</translation>
    </message>
    <message>
        <source>no map</source>
        <translation>マップなし</translation>
    </message>
    <message>
        <source>Gallery, %1: %2</source>
        <translation>ギャラリー、%1: %2</translation>
    </message>
</context>
<context>
    <name>MeasureParameter</name>
    <message>
        <source>salt-and-pepper noise levels (share of pixels flipped), increasing, in [0, 1]</source>
        <translation>ごま塩ノイズのレベル（反転する画素の割合）。[0, 1] の範囲で昇順</translation>
    </message>
    <message>
        <source>seed of the noise draws; the same seed gives the same noisy images</source>
        <translation>ノイズ生成のシード。同じシードからは同じノイズ画像が得られます</translation>
    </message>
    <message>
        <source>random generator of the noise draws: counter (drawn on the GPU in one step) or sequential (runs stored before 2026-11)</source>
        <translation>ノイズ生成の乱数生成器：counter（GPU 上で一度に生成）または sequential（2026 年 11 月より前に保存された実行）</translation>
    </message>
    <message>
        <source>probability that a flipped pixel becomes white (255) rather than black</source>
        <translation>反転した画素が黒ではなく白 (255) になる確率</translation>
    </message>
    <message>
        <source>shift step in pixels at the reference input size (scaled to each model&apos;s size)</source>
        <translation>基準入力サイズでの平行移動量（画素）。各モデルの入力サイズに合わせて拡縮されます</translation>
    </message>
    <message>
        <source>input size at which transforms.shift applies</source>
        <translation>transforms.shift が適用される入力サイズ</translation>
    </message>
    <message>
        <source>blur sigma of the least salient pixels</source>
        <translation>最もサリエンシーの低い画素のぼかしシグマ</translation>
    </message>
    <message>
        <source>order of the curve from salience to blur sigma (4: curved)</source>
        <translation>サリエンシーからぼかしシグマへの曲線の次数（4: 曲線的）</translation>
    </message>
    <message>
        <source>Gaussian smoothing of the salience map before it guides the blur</source>
        <translation>ぼかしの指針にする前のサリエンシーマップのガウス平滑化</translation>
    </message>
    <message>
        <source>SSIM window size in pixels (odd)</source>
        <translation>SSIM のウィンドウサイズ（画素、奇数）</translation>
    </message>
    <message>
        <source>SSIM stabilising constant K1</source>
        <translation>SSIM の安定化定数 K1</translation>
    </message>
    <message>
        <source>SSIM stabilising constant K2</source>
        <translation>SSIM の安定化定数 K2</translation>
    </message>
    <message>
        <source>synthetic score: sigmoid of the positive logit (paper) or softmax probability</source>
        <translation>合成スコア: 陽性ロジットのシグモイド（論文）またはソフトマックス確率</translation>
    </message>
    <message>
        <source>bins of the summary histograms over [0, 1]</source>
        <translation>[0, 1] 上の要約ヒストグラムのビン数</translation>
    </message>
    <message>
        <source>largest image decoded, in pixels (width x height); larger ones are skipped with the reason; 0: no limit</source>
        <translation>デコードする画像の最大画素数（幅 × 高さ）。これより大きい画像は理由を示してスキップします。0: 制限なし</translation>
    </message>
    <message>
        <source>salience method of the run&apos;s maps (gradcam: the paper&apos;s Grad-CAM; measure --method runs several)</source>
        <translation>実行のマップを作るサリエンシー手法（gradcam: 論文の Grad-CAM。measure --method で複数を実行）</translation>
    </message>
    <message>
        <source>sanity checks: cascading randomisation steps at most, from the head down (blocks grouped evenly when a model has more)</source>
        <translation>サニティチェック: 出力側から順に行う段階的ランダム化の最大ステップ数（モデルのブロックがそれより多い場合は均等にまとめる）</translation>
    </message>
    <message>
        <source>sanity checks: seed of the re-initialised weights</source>
        <translation>サニティチェック: 再初期化する重みのシード</translation>
    </message>
    <message>
        <source>deletion, insertion and ROAD: steps from no pixel to every pixel (one forward pass each)</source>
        <translation>削除・挿入・ROAD: 画素なしから全画素までのステップ数（それぞれ 1 回の順伝播）</translation>
    </message>
    <message>
        <source>deletion and insertion: what removed pixels become, the blurred image or a constant grey</source>
        <translation>削除と挿入: 除去した画素の置き換え先（ぼかした画像または一定の灰色）</translation>
    </message>
    <message>
        <source>deletion and insertion: Gaussian sigma of the blurred baseline, pixels</source>
        <translation>削除と挿入: ぼかしたベースラインのガウスシグマ（画素）</translation>
    </message>
    <message>
        <source>deletion and insertion: grey level (0..255) of the constant baseline</source>
        <translation>削除と挿入: 一定ベースラインの灰色レベル（0..255）</translation>
    </message>
    <message>
        <source>ROAD: standard deviation of the imputation noise, as a share of the full range</source>
        <translation>ROAD: 補完ノイズの標準偏差（全範囲に対する割合）</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>%1 of %2 images measured</source>
        <translation>%1 / %2 枚の画像を計測済み</translation>
    </message>
    <message>
        <source>(a) how concentrated each map is: entropy of the salience map</source>
        <translation>(a) 各マップの集中度: サリエンシーマップのエントロピー</translation>
    </message>
    <message>
        <source>(b) score, accuracy and map change under salt-and-pepper noise</source>
        <translation>(b) ごま塩ノイズによるスコア、正解率、マップの変化</translation>
    </message>
    <message>
        <source>(c) does the map follow flips, rotations and shifts of the image (12 transforms)</source>
        <translation>(c) マップが画像の反転、回転、平行移動に追従するか（12 種類の変換）</translation>
    </message>
    <message>
        <source>(d) SSIM between the maps of models of one family (independent training runs)</source>
        <translation>(d) 同一ファミリーのモデル間のマップの SSIM（独立した学習実行）</translation>
    </message>
    <message>
        <source>(e) score drop when the background or the salient object is blurred</source>
        <translation>(e) 背景または顕著な物体をぼかしたときのスコア低下</translation>
    </message>
    <message>
        <source>Entropy</source>
        <translation>エントロピー</translation>
    </message>
    <message>
        <source>Noise</source>
        <translation>ノイズ</translation>
    </message>
    <message>
        <source>Transforms</source>
        <translation>変換</translation>
    </message>
    <message>
        <source>Stability</source>
        <translation>安定性</translation>
    </message>
    <message>
        <source>Degradation</source>
        <translation>劣化</translation>
    </message>
    <message>
        <source>Predictions</source>
        <translation>予測</translation>
    </message>
    <message>
        <source>Open a project first.</source>
        <translation>先にプロジェクトを開いてください。</translation>
    </message>
    <message>
        <source>The project has no family %1.</source>
        <translation>プロジェクトにファミリー %1 がありません。</translation>
    </message>
    <message>
        <source>Model %1 is not in the project.</source>
        <translation>モデル %1 はプロジェクトにありません。</translation>
    </message>
    <message>
        <source>Tick at least one model or family.</source>
        <translation>モデルまたはファミリーを 1 つ以上選択してください。</translation>
    </message>
    <message>
        <source>Stability needs at least two models in family %1.</source>
        <translation>安定性の計算には、ファミリー %1 に 2 つ以上のモデルが必要です。</translation>
    </message>
    <message>
        <source>Stability compares models of one family: tick a family or at least two models.</source>
        <translation>安定性は同一ファミリーのモデルを比較します: ファミリーを 1 つ、またはモデルを 2 つ以上選択してください。</translation>
    </message>
    <message>
        <source>The dataset has no images.</source>
        <translation>データセットに画像がありません。</translation>
    </message>
    <message>
        <source>do the maps change when the model is randomised, head first (and for another class)?</source>
        <translation>モデルを出力側から順にランダム化したとき（および別のクラスについて）マップは変わるか</translation>
    </message>
    <message>
        <source>Sanity checks</source>
        <translation>サニティチェック</translation>
    </message>
    <message>
        <source>class probability as the most salient pixels are removed first (RISE); a forward pass per step</source>
        <translation>最も顕著な画素から除去したときのクラス確率（RISE）。ステップごとに 1 回の順伝播</translation>
    </message>
    <message>
        <source>class probability as the most salient pixels are restored first (RISE); a forward pass per step</source>
        <translation>最も顕著な画素から復元したときのクラス確率（RISE）。ステップごとに 1 回の順伝播</translation>
    </message>
    <message>
        <source>ROAD: pixels removed by noisy linear imputation, most and least relevant first; two passes per step</source>
        <translation>ROAD: ノイズ付き線形補完で画素を除去（関連度の高い順と低い順）。ステップごとに 2 回の順伝播</translation>
    </message>
    <message>
        <source>pointing game, relevance mass and rank, pixel AUC against the annotations and masks</source>
        <translation>アノテーションとマスクに対するポインティングゲーム、関連度の質量と順位、画素 AUC</translation>
    </message>
    <message>
        <source>Deletion</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>Insertion</source>
        <translation>挿入</translation>
    </message>
    <message>
        <source>ROAD</source>
        <translation>ROAD</translation>
    </message>
    <message>
        <source>Localisation</source>
        <translation>局在化</translation>
    </message>
</context>
<context>
    <name>ReportBuilder</name>
    <message>
        <source>Title page</source>
        <translation>表紙</translation>
    </message>
    <message>
        <source>Scorecard</source>
        <translation>スコアカード</translation>
    </message>
    <message>
        <source>Gallery</source>
        <translation>ギャラリー</translation>
    </message>
    <message>
        <source>Skipped images</source>
        <translation>スキップされた画像</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1 を書き込めません: %2</translation>
    </message>
    <message>
        <source>Salience review of %1</source>
        <translation>%1 のサリエンシーレビュー</translation>
    </message>
    <message>
        <source>cannot start painting %1</source>
        <translation>%1 の描画を開始できません</translation>
    </message>
    <message>
        <source>Saliscope salience review — %1</source>
        <translation>Saliscope サリエンシーレビュー — %1</translation>
    </message>
    <message>
        <source>cannot finish %1</source>
        <translation>%1 を完了できません</translation>
    </message>
    <message>
        <source>Methods side by side</source>
        <translation>手法の比較</translation>
    </message>
    <message>
        <source>Per group</source>
        <translation>グループ別</translation>
    </message>
    <message>
        <source>Per video</source>
        <translation>動画別</translation>
    </message>
</context>
<context>
    <name>ReportCharts</name>
    <message>
        <source>Normalised entropy (8-bit map)</source>
        <translation>正規化エントロピー（8 ビットマップ）</translation>
    </message>
    <message>
        <source>Distribution of the normalised entropy</source>
        <translation>正規化エントロピーの分布</translation>
    </message>
    <message>
        <source>Median, quartiles and outliers</source>
        <translation>中央値、四分位数、外れ値</translation>
    </message>
    <message>
        <source>Salt-and-pepper noise level</source>
        <translation>ごま塩ノイズのレベル</translation>
    </message>
    <message>
        <source>Map SSIM with the clean image&apos;s map</source>
        <translation>ノイズのない画像のマップとのマップ SSIM</translation>
    </message>
    <message>
        <source>Map SSIM (small maps)</source>
        <translation>マップ SSIM（小さなマップ）</translation>
    </message>
    <message>
        <source>Mean synthetic score</source>
        <translation>合成スコアの平均</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>スコア</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>正解率</translation>
    </message>
    <message>
        <source>Normalised entropy of the noisy images&apos; maps</source>
        <translation>ノイズを加えた画像のマップの正規化エントロピー</translation>
    </message>
    <message>
        <source>Normalised entropy</source>
        <translation>正規化エントロピー</translation>
    </message>
    <message>
        <source>Mean map SSIM per transformation</source>
        <translation>変換ごとのマップ SSIM の平均</translation>
    </message>
    <message>
        <source>Mean map SSIM</source>
        <translation>マップ SSIM の平均</translation>
    </message>
    <message>
        <source>Distribution of the map SSIM (every transformation)</source>
        <translation>マップ SSIM の分布（全変換）</translation>
    </message>
    <message>
        <source>Map SSIM</source>
        <translation>マップ SSIM</translation>
    </message>
    <message>
        <source>Per-image mean pairwise SSIM</source>
        <translation>画像ごとのペアワイズ SSIM の平均</translation>
    </message>
    <message>
        <source>Mean pairwise map SSIM</source>
        <translation>ペアワイズのマップ SSIM の平均</translation>
    </message>
    <message>
        <source>Mean SSIM per pair of models: %1</source>
        <translation>モデルのペアごとの SSIM の平均: %1</translation>
    </message>
    <message>
        <source>mean SSIM</source>
        <translation>SSIM の平均</translation>
    </message>
    <message>
        <source>Mean confidence drop by blurred region</source>
        <translation>ぼかした領域ごとの確信度低下の平均</translation>
    </message>
    <message>
        <source>Mean score drop</source>
        <translation>スコア低下の平均</translation>
    </message>
    <message>
        <source>Confidence drop per image</source>
        <translation>画像ごとの確信度低下</translation>
    </message>
    <message>
        <source>Score drop, background blurred</source>
        <translation>スコア低下（背景をぼかした場合）</translation>
    </message>
    <message>
        <source>Score drop, object blurred</source>
        <translation>スコア低下（物体をぼかした場合）</translation>
    </message>
    <message>
        <source>Cascading randomisation step (from the head down)</source>
        <translation>段階的ランダム化のステップ（出力側から順に）</translation>
    </message>
    <message>
        <source>random logit</source>
        <translation>ランダムロジット</translation>
    </message>
    <message>
        <source>Spearman correlation with the model&apos;s own map (dashed: pass line)</source>
        <translation>元のモデルのマップとの Spearman 相関（破線: 合格ライン）</translation>
    </message>
    <message>
        <source>Mean Spearman correlation</source>
        <translation>Spearman 相関の平均</translation>
    </message>
    <message>
        <source>SSIM with the model&apos;s own map (small maps)</source>
        <translation>元のモデルのマップとの SSIM（小マップ）</translation>
    </message>
    <message>
        <source>Deletion curve: lower area is better</source>
        <translation>削除曲線: 面積が小さいほど良い</translation>
    </message>
    <message>
        <source>Insertion curve: higher area is better</source>
        <translation>挿入曲線: 面積が大きいほど良い</translation>
    </message>
    <message>
        <source>ROAD, most relevant first: lower area is better</source>
        <translation>ROAD、関連度の高い順: 面積が小さいほど良い</translation>
    </message>
    <message>
        <source>ROAD, least relevant first: higher area is better</source>
        <translation>ROAD、関連度の低い順: 面積が大きいほど良い</translation>
    </message>
    <message>
        <source>Share of pixels inserted</source>
        <translation>挿入した画素の割合</translation>
    </message>
    <message>
        <source>Share of pixels removed</source>
        <translation>除去した画素の割合</translation>
    </message>
    <message>
        <source>Mean class probability</source>
        <translation>クラス確率の平均</translation>
    </message>
    <message>
        <source>pointing</source>
        <translation>ポインティング</translation>
    </message>
    <message>
        <source>mass</source>
        <translation>質量</translation>
    </message>
    <message>
        <source>rank</source>
        <translation>順位</translation>
    </message>
    <message>
        <source>pixel AUC</source>
        <translation>画素 AUC</translation>
    </message>
    <message>
        <source>Against the exact artefact masks</source>
        <translation>正確なアーティファクトマスクに対して</translation>
    </message>
    <message>
        <source>Against the human annotations</source>
        <translation>人間によるアノテーションに対して</translation>
    </message>
    <message>
        <source>Mean</source>
        <translation>平均</translation>
    </message>
</context>
<context>
    <name>ReportContent</name>
    <message>
        <source>no such project: %1</source>
        <translation>プロジェクトが存在しません: %1</translation>
    </message>
    <message>
        <source>Reading the project</source>
        <translation>プロジェクトを読み込んでいます</translation>
    </message>
    <message>
        <source>the project has no measure runs; run the measures first</source>
        <translation>プロジェクトに指標の実行がありません。先に指標を実行してください</translation>
    </message>
    <message>
        <source>unknown model &apos;%1&apos; (the runs have: %2)</source>
        <translation>不明なモデル &apos;%1&apos;（実行に含まれるモデル: %2）</translation>
    </message>
    <message>
        <source>%1 is left out: it needs two or more chosen models of one family.</source>
        <translation>%1 は省略されました: 同一ファミリーから 2 つ以上のモデルを選択する必要があります。</translation>
    </message>
    <message>
        <source>%1 is left out: the chosen models have no results.</source>
        <translation>%1 は省略されました: 選択したモデルに結果がありません。</translation>
    </message>
    <message>
        <source>the runs have no &apos;%1&apos; results</source>
        <translation>実行に &apos;%1&apos; の結果がありません</translation>
    </message>
    <message>
        <source>no results in the runs</source>
        <translation>実行に結果がありません</translation>
    </message>
</context>
<context>
    <name>ReportSections</name>
    <message>
        <source>%1, labelled %2</source>
        <translation>%1、ラベル: %2</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>画像</translation>
    </message>
    <message>
        <source>image not available</source>
        <translation>画像を利用できません</translation>
    </message>
    <message>
        <source>Salience review</source>
        <translation>サリエンシーレビュー</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>プロジェクト</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>データセット</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>画像</translation>
    </message>
    <message>
        <source>%1 (%2 without results)</source>
        <translation>%1（結果なし %2）</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>モデル</translation>
    </message>
    <message>
        <source>%1 in %2 families: %3</source>
        <translation>%1（%2 ファミリー）: %3</translation>
    </message>
    <message>
        <source>Measures</source>
        <translation>指標</translation>
    </message>
    <message>
        <source>Report date</source>
        <translation>レポート作成日</translation>
    </message>
    <message>
        <source>Software</source>
        <translation>ソフトウェア</translation>
    </message>
    <message>
        <source>Saliscope %1</source>
        <translation>Saliscope %1</translation>
    </message>
    <message>
        <source>Runs made with</source>
        <translation>実行環境</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>デバイス</translation>
    </message>
    <message>
        <source>Runs finished</source>
        <translation>実行完了日時</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>注記</translation>
    </message>
    <message>
        <source>Scorecard</source>
        <translation>スコアカード</translation>
    </message>
    <message>
        <source>One number per measure for each model, to compare models of similar accuracy. The arrow says which way is better. Entropy: mean normalised entropy of the maps. Annotation mass: share of salience inside the human annotations. Noise SSIM area: area under the map-SSIM curve over the noise levels. Transform SSIM: mean map SSIM over the transformations. Stability SSIM: the family&apos;s mean pairwise map SSIM. Faithfulness: confidence drop when the object is blurred minus the drop when the background is. Flat maps: clean images whose map is flat (no defined salience); an entropy or SSIM that involves a flat map is left out of every number.</source>
        <translation>正解率が同程度のモデルを比較するため、各モデルについて指標ごとに 1 つの数値を示します。矢印は値がどちら向きであれば良いかを示します。エントロピー: マップの正規化エントロピーの平均。アノテーション質量: 人間によるアノテーション内に含まれるサリエンシーの割合。ノイズ SSIM 面積: ノイズレベルに対するマップ SSIM 曲線の下側の面積。変換 SSIM: 変換全体でのマップ SSIM の平均。安定性 SSIM: ファミリー内のペアワイズのマップ SSIM の平均。忠実性: 物体をぼかしたときの確信度低下から、背景をぼかしたときの低下を引いた値。平坦なマップ: マップが平坦な（サリエンシーが定義されない）クリーン画像の数。平坦なマップが関わるエントロピーや SSIM はどの数値からも除外されます。</translation>
    </message>
    <message>
        <source>Results per family</source>
        <translation>ファミリーごとの結果</translation>
    </message>
    <message>
        <source>Results per model</source>
        <translation>モデルごとの結果</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>パラメーター</translation>
    </message>
    <message>
        <source>Gallery</source>
        <translation>ギャラリー</translation>
    </message>
    <message>
        <source>For each measure, the images at both ends of its per-image values, with each model&apos;s %1 map laid over the image (jet colours: red is most salient).</source>
        <translation>各指標について、画像ごとの値の両端にあたる画像を、各モデルの %1 マップを重ねて示します（jet カラー: 赤が最も顕著）。</translation>
    </message>
    <message>
        <source>Skipped images</source>
        <translation>スキップされた画像</translation>
    </message>
    <message>
        <source>None: every image of the dataset has results.</source>
        <translation>なし: データセットのすべての画像に結果があります。</translation>
    </message>
    <message>
        <source>One image of the dataset has no results in the runs, for the reason below.</source>
        <translation>データセットの画像 1 枚について、以下の理由により実行結果がありません。</translation>
    </message>
    <message>
        <source>%1 images of the dataset have no results in the runs, for the reasons below.</source>
        <translation>データセットの画像 %1 枚について、以下の理由により実行結果がありません。</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Sanity Spearman: mean Spearman correlation of the fully randomised model&apos;s maps with the model&apos;s own maps (lower is better); the sanity check passes when it is below 0.5.</source>
        <translation>サニティ Spearman: 完全にランダム化したモデルのマップと元のモデルのマップとの Spearman 相関の平均（低いほど良い）。0.5 未満でサニティチェックに合格します。</translation>
    </message>
    <message>
        <source>Results per model and method</source>
        <translation>モデル・手法ごとの結果</translation>
    </message>
    <message>
        <source>Passing means that the maps of the fully randomised model are no longer like the model&apos;s own (mean Spearman correlation below 0.5): the maps depend on what the model learned. A method that fails gives much the same map whatever the weights, so its maps say little about the model. The random-logit values compare the map of another class with the predicted class&apos;s: a low value means the maps are specific to the class they explain; n/a where there is no value, for instance when every map of the other class is flat (no defined salience).</source>
        <translation>合格とは、完全にランダム化したモデルのマップが元のモデルのマップと似ていない（Spearman 相関の平均が 0.5 未満）ことを意味します。つまりマップはモデルが学習した内容に依存しています。不合格の手法は重みにかかわらずほぼ同じマップを出すため、そのマップはモデルについてほとんど何も語りません。ランダムロジットの値は、別のクラスのマップを予測クラスのマップと比べたものです。低い値は、マップが説明するクラスに固有であることを示します。値がない場合（たとえば別のクラスのマップがすべて平坦でサリエンシーが定義されない場合）は n/a です。</translation>
    </message>
    <message>
        <source>Methods side by side</source>
        <translation>手法の比較</translation>
    </message>
    <message>
        <source>The project holds runs on this dataset with the same parameters but for the salience method (%1). The scorecard&apos;s numbers of each model under each method, side by side; the other sections show %2.</source>
        <translation>このプロジェクトには、このデータセットに対してサリエンシー手法だけが異なる同じパラメーターの実行があります（%1）。各モデルの各手法でのスコアカードの値を並べて示します。他のセクションは %2 の結果です。</translation>
    </message>
    <message>
        <source>Against the human annotations</source>
        <translation>人間によるアノテーションに対して</translation>
    </message>
    <message>
        <source>Against the exact artefact masks</source>
        <translation>正確なアーティファクトマスクに対して</translation>
    </message>
    <message>
        <source>No image of the dataset has an annotation or a mask: there is nothing to score.</source>
        <translation>データセットにはアノテーションやマスクのある画像がないため、評価する対象がありません。</translation>
    </message>
    <message>
        <source>a copy of the image blurred with a Gaussian of sigma %1 pixels</source>
        <translation>シグマ %1 画素のガウスでぼかした画像</translation>
    </message>
    <message>
        <source>the constant grey level %1</source>
        <translation>一定の灰色レベル %1</translation>
    </message>
    <message>
        <source>Mean area under each curve per model (± SD)</source>
        <translation>モデルごとの各曲線の曲線下面積の平均（± 標準偏差）</translation>
    </message>
    <message>
        <source>Faithfulness curves and localisation: the mean area under each curve (deletion and ROAD most relevant first: lower is better; insertion and ROAD least relevant first: higher is better) and the pixel AUC of the maps against the human annotations and the exact artefact masks (higher is better).</source>
        <translation>忠実性曲線と局在化: 各曲線の曲線下面積の平均（削除と ROAD の関連度の高い順は低いほど良く、挿入と ROAD の関連度の低い順は高いほど良い）と、人間によるアノテーションおよび正確なアーティファクトマスクに対するマップの画素 AUC（高いほど良い）。</translation>
    </message>
    <message>
        <source>Per group</source>
        <translation>グループ別</translation>
    </message>
    <message>
        <source>Per video</source>
        <translation>動画別</translation>
    </message>
    <message>
        <source>The dataset&apos;s images have groups (manipulation method, generator, source or video). The scorecard&apos;s numbers of each model over each group&apos;s images; ROC AUC only where a group has both classes (a group of fakes only has none: read its accuracy). Images without a group are in no row.</source>
        <translation>データセットの画像にはグループ（改変手法、生成器、ソースまたは動画）があります。各モデルの各グループの画像に対するスコアカードの数値です。ROC AUC は両方のクラスを含むグループにのみあります（偽物だけのグループにはありません。正解率を見てください）。グループのない画像はどの行にも含まれません。</translation>
    </message>
    <message>
        <source>The images are frames of videos. A video&apos;s score is the mean of its frames&apos; scores, predicted fake when at least 0.5; the video-level accuracy and ROC AUC compare the videos&apos; scores with their labels.</source>
        <translation>画像は動画のフレームです。動画のスコアはそのフレームのスコアの平均で、0.5 以上なら偽物と予測します。動画単位の正解率と ROC AUC は動画のスコアをそのラベルと比べます。</translation>
    </message>
    <message>
        <source>The first %1 of %2 rows (every model&apos;s videos, by path); saliscope-cli export and summary.json have them all.</source>
        <translation>%2 行のうち最初の %1 行（全モデルの動画、パス順）。saliscope-cli export と summary.json にはすべてあります。</translation>
    </message>
    <message>
        <source>Every model&apos;s videos, by path.</source>
        <translation>全モデルの動画（パス順）。</translation>
    </message>
</context>
<context>
    <name>ReportSummaryTables</name>
    <message>
        <source>Flat maps ↓</source>
        <translation>平坦なマップ ↓</translation>
    </message>
    <message>
        <source>entropy</source>
        <translation>エントロピー</translation>
    </message>
    <message>
        <source>annotation mass</source>
        <translation>アノテーション質量</translation>
    </message>
    <message>
        <source>noise SSIM</source>
        <translation>ノイズ SSIM</translation>
    </message>
    <message>
        <source>transform SSIM</source>
        <translation>変換 SSIM</translation>
    </message>
    <message>
        <source>stability SSIM</source>
        <translation>安定性 SSIM</translation>
    </message>
    <message>
        <source>faithfulness</source>
        <translation>忠実性</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Rows left out of these numbers because they involve a flat map: %1.</source>
        <translation>平坦なマップが関わるため、これらの数値から除外された行: %1。</translation>
    </message>
    <message>
        <source>Accuracy ↑</source>
        <translation>正解率 ↑</translation>
    </message>
    <message>
        <source>ROC AUC ↑</source>
        <translation>ROC AUC ↑</translation>
    </message>
    <message>
        <source>Entropy ↓</source>
        <translation>エントロピー ↓</translation>
    </message>
    <message>
        <source>Annotation mass ↑</source>
        <translation>アノテーション質量 ↑</translation>
    </message>
    <message>
        <source>Noise SSIM area ↑</source>
        <translation>ノイズ SSIM 面積 ↑</translation>
    </message>
    <message>
        <source>Transform SSIM ↑</source>
        <translation>変換 SSIM ↑</translation>
    </message>
    <message>
        <source>Stability SSIM ↑</source>
        <translation>安定性 SSIM ↑</translation>
    </message>
    <message>
        <source>Faithfulness ↑</source>
        <translation>忠実性 ↑</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>モデル</translation>
    </message>
    <message>
        <source>Family</source>
        <translation>ファミリー</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>画像</translation>
    </message>
    <message>
        <source>Mean</source>
        <translation>平均</translation>
    </message>
    <message>
        <source>Median</source>
        <translation>中央値</translation>
    </message>
    <message>
        <source>SD</source>
        <translation>標準偏差</translation>
    </message>
    <message>
        <source>Mean, correct</source>
        <translation>平均（正解）</translation>
    </message>
    <message>
        <source>Mean, wrong</source>
        <translation>平均（不正解）</translation>
    </message>
    <message>
        <source>Mean, real</source>
        <translation>平均（実画像）</translation>
    </message>
    <message>
        <source>Mean, synthetic</source>
        <translation>平均（合成画像）</translation>
    </message>
    <message>
        <source>Annotation mass</source>
        <translation>アノテーション質量</translation>
    </message>
    <message>
        <source>SSIM area (small maps)</source>
        <translation>SSIM 面積（小さなマップ）</translation>
    </message>
    <message>
        <source>SSIM area (upscaled)</source>
        <translation>SSIM 面積（アップスケール）</translation>
    </message>
    <message>
        <source>Accuracy at %1</source>
        <translation>%1 での正解率</translation>
    </message>
    <message>
        <source>Score at %1</source>
        <translation>%1 でのスコア</translation>
    </message>
    <message>
        <source>Mean SSIM</source>
        <translation>SSIM の平均</translation>
    </message>
    <message>
        <source>Predictions changed</source>
        <translation>予測が変化した割合</translation>
    </message>
    <message>
        <source>Weakest transformation</source>
        <translation>最も弱い変換</translation>
    </message>
    <message>
        <source>Its mean SSIM</source>
        <translation>その SSIM の平均</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>モデル</translation>
    </message>
    <message>
        <source>Pairs</source>
        <translation>ペア数</translation>
    </message>
    <message>
        <source>Lowest image mean</source>
        <translation>画像ごとの平均の最小値</translation>
    </message>
    <message>
        <source>Confidence drop, background blurred</source>
        <translation>確信度低下（背景をぼかした場合）</translation>
    </message>
    <message>
        <source>Confidence drop, object blurred</source>
        <translation>確信度低下（物体をぼかした場合）</translation>
    </message>
    <message>
        <source>Faithfulness</source>
        <translation>忠実性</translation>
    </message>
    <message>
        <source>Accuracy drop, background</source>
        <translation>正解率の低下（背景）</translation>
    </message>
    <message>
        <source>Accuracy drop, object</source>
        <translation>正解率の低下（物体）</translation>
    </message>
    <message>
        <source>Parameter</source>
        <translation>パラメーター</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>値</translation>
    </message>
    <message>
        <source>Meaning</source>
        <translation>意味</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <source>CAM layer</source>
        <translation>CAM レイヤー</translation>
    </message>
    <message>
        <source>File</source>
        <translation>ファイル</translation>
    </message>
    <message>
        <source>not in the project</source>
        <translation>プロジェクトにありません</translation>
    </message>
    <message>
        <source>Sanity Spearman ↓</source>
        <translation>サニティ Spearman ↓</translation>
    </message>
    <message>
        <source>Sanity check</source>
        <translation>サニティチェック</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>手法</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>ステップ数</translation>
    </message>
    <message>
        <source>Final Spearman</source>
        <translation>最終 Spearman</translation>
    </message>
    <message>
        <source>Final SSIM</source>
        <translation>最終 SSIM</translation>
    </message>
    <message>
        <source>Random logit, Spearman</source>
        <translation>ランダムロジット、Spearman</translation>
    </message>
    <message>
        <source>Random logit, SSIM</source>
        <translation>ランダムロジット、SSIM</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>結果</translation>
    </message>
    <message>
        <source>pass</source>
        <translation>合格</translation>
    </message>
    <message>
        <source>fail</source>
        <translation>不合格</translation>
    </message>
    <message>
        <source>Deletion AUC ↓</source>
        <translation>削除 AUC ↓</translation>
    </message>
    <message>
        <source>Insertion AUC ↑</source>
        <translation>挿入 AUC ↑</translation>
    </message>
    <message>
        <source>ROAD MoRF AUC ↓</source>
        <translation>ROAD MoRF AUC ↓</translation>
    </message>
    <message>
        <source>ROAD LeRF AUC ↑</source>
        <translation>ROAD LeRF AUC ↑</translation>
    </message>
    <message>
        <source>Pixel AUC, annotation ↑</source>
        <translation>画素 AUC（アノテーション）↑</translation>
    </message>
    <message>
        <source>Pixel AUC, mask ↑</source>
        <translation>画素 AUC（マスク）↑</translation>
    </message>
    <message>
        <source>deletion</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>insertion</source>
        <translation>挿入</translation>
    </message>
    <message>
        <source>ROAD</source>
        <translation>ROAD</translation>
    </message>
    <message>
        <source>localisation</source>
        <translation>局在化</translation>
    </message>
    <message>
        <source>%1 ± %2</source>
        <translation>%1 ± %2</translation>
    </message>
    <message>
        <source>Pointing game ↑</source>
        <translation>ポインティングゲーム ↑</translation>
    </message>
    <message>
        <source>Relevance mass ↑</source>
        <translation>関連度質量 ↑</translation>
    </message>
    <message>
        <source>Relevance rank ↑</source>
        <translation>関連度順位 ↑</translation>
    </message>
    <message>
        <source>Pixel AUC ↑</source>
        <translation>画素 AUC ↑</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>グループ</translation>
    </message>
    <message>
        <source>Videos</source>
        <translation>動画数</translation>
    </message>
    <message>
        <source>Labelled</source>
        <translation>ラベル付き</translation>
    </message>
    <message>
        <source>Video accuracy ↑</source>
        <translation>動画単位の正解率 ↑</translation>
    </message>
    <message>
        <source>Video ROC AUC ↑</source>
        <translation>動画単位の ROC AUC ↑</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>動画</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>ラベル</translation>
    </message>
    <message>
        <source>Frames</source>
        <translation>フレーム数</translation>
    </message>
    <message>
        <source>Video score</source>
        <translation>動画スコア</translation>
    </message>
    <message>
        <source>Predicted</source>
        <translation>予測</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>正誤</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>不明</translation>
    </message>
    <message>
        <source>right</source>
        <translation>正解</translation>
    </message>
    <message>
        <source>wrong</source>
        <translation>不正解</translation>
    </message>
</context>
<context>
    <name>ReportText</name>
    <message>
        <source>Salience entropy</source>
        <translation>サリエンシーのエントロピー</translation>
    </message>
    <message>
        <source>Reaction to noise</source>
        <translation>ノイズへの反応</translation>
    </message>
    <message>
        <source>Resilience to geometric transformations</source>
        <translation>幾何学的変換に対する耐性</translation>
    </message>
    <message>
        <source>Stability across training runs</source>
        <translation>学習実行間の安定性</translation>
    </message>
    <message>
        <source>Salience-guided degradation</source>
        <translation>サリエンシーに基づく劣化</translation>
    </message>
    <message>
        <source>Predictions</source>
        <translation>予測</translation>
    </message>
    <message>
        <source>Each image&apos;s Grad-CAM map is reduced to the Shannon entropy of its 8-bit values, divided by the largest possible value, so 0 means all salience on one value and 1 salience spread evenly. The histogram shows how the images of each model are distributed; the box plot shows the median, quartiles and outlying images. Lower entropy means more focused maps; compare models of similar accuracy, since a model can be focused on the wrong region.</source>
        <translation>各画像の Grad-CAM マップを、その 8 ビット値のシャノンエントロピーを取りうる最大値で割った値に要約します。0 はすべてのサリエンシーが 1 つの値に集中していること、1 は均等に分散していることを意味します。ヒストグラムは各モデルの画像の分布を、箱ひげ図は中央値、四分位数、外れ値の画像を示します。エントロピーが低いほどマップは集中していますが、モデルが誤った領域に集中している場合もあるため、正解率が同程度のモデル同士で比較してください。</translation>
    </message>
    <message>
        <source>Salt-and-pepper noise of increasing amount is added to every image. The curves show, per noise level, the mean score, the accuracy and the structural similarity (SSIM) between the noisy image&apos;s map and the clean one. A model whose SSIM falls slowly keeps looking at the same regions when the input leaves the training distribution; the area under the SSIM curve summarises it (higher is more robust).</source>
        <translation>すべての画像に、量を段階的に増やしながらごま塩ノイズを加えます。曲線は、ノイズレベルごとの平均スコア、正解率、およびノイズを加えた画像のマップと元の画像のマップとの構造的類似度（SSIM）を示します。SSIM の低下が緩やかなモデルは、入力が学習分布から外れても同じ領域を見続けます。SSIM 曲線の下側の面積がこれを要約します（高いほど頑健）。</translation>
    </message>
    <message>
        <source>Each image is flipped, rotated and shifted; the map of the transformed image is compared (SSIM) with the same transformation of the original map. Bars show the mean SSIM per transformation and model, and how often the prediction changed. High SSIM means the salience moves with the content, as it should.</source>
        <translation>各画像を反転、回転、平行移動し、変換後の画像のマップを、元のマップに同じ変換を施したものと比較します（SSIM）。棒グラフは、変換とモデルごとの SSIM の平均と、予測が変化した頻度を示します。SSIM が高いことは、サリエンシーが本来あるべきように内容とともに移動していることを意味します。</translation>
    </message>
    <message>
        <source>Models of one family differ only in their training seed. For every image and pair of models the SSIM of their maps is computed: the histogram shows the distribution over images and pairs, the matrix the mean SSIM of each pair. A stable family (high SSIM) explains its decisions the same way whichever run is deployed.</source>
        <translation>同一ファミリーのモデルは、学習時のシードだけが異なります。各画像とモデルのペアごとにマップの SSIM を計算します。ヒストグラムは画像とペア全体での分布を、行列は各ペアの SSIM の平均を示します。安定したファミリー（SSIM が高い）は、どの実行のモデルを運用しても同じように判断を説明します。</translation>
    </message>
    <message>
        <source>Each image is blurred where the map says the model does not look (background) and, separately, where it does look (object). The bars compare the fall in confidence of the true class; the scatter shows it per image. A faithful map makes object blurring hurt much more than background blurring: faithfulness is the difference of the two mean drops (higher is better).</source>
        <translation>各画像について、マップ上でモデルが見ていない領域（背景）と、見ている領域（物体）をそれぞれ別々にぼかします。棒グラフは正解クラスの確信度の低下を比較し、散布図は画像ごとの低下を示します。忠実なマップでは、物体をぼかしたときの影響が背景をぼかしたときよりもはるかに大きくなります。忠実性は 2 つの平均低下の差です（高いほど良い）。</translation>
    </message>
    <message>
        <source>The images with the most diffuse and the most focused salience, averaged over the models; each model&apos;s map is laid over the image (red: most salient).</source>
        <translation>モデル全体で平均して、サリエンシーが最も拡散している画像と最も集中している画像です。各モデルのマップを画像に重ねて示します（赤: 最も顕著）。</translation>
    </message>
    <message>
        <source>The images whose salience changed least and most under noise (mean SSIM over the noise levels above 0 and the models), with each model&apos;s map of the clean image.</source>
        <translation>ノイズによってサリエンシーの変化が最も小さかった画像と最も大きかった画像です（0 より大きいノイズレベルとモデル全体での SSIM の平均）。ノイズのない画像に対する各モデルのマップとともに示します。</translation>
    </message>
    <message>
        <source>The images whose salience followed the transformations best and worst (mean SSIM over the transformations and models), with each model&apos;s map.</source>
        <translation>サリエンシーが変換に最もよく追従した画像と最も追従しなかった画像です（変換とモデル全体での SSIM の平均）。各モデルのマップとともに示します。</translation>
    </message>
    <message>
        <source>The images on which the training runs agreed most and least (mean pairwise SSIM), with each model&apos;s map side by side.</source>
        <translation>学習実行間で最も一致した画像と最も一致しなかった画像です（ペアワイズ SSIM の平均）。各モデルのマップを並べて示します。</translation>
    </message>
    <message>
        <source>The images whose score fell most and least when the salient object was blurred (mean confidence drop over the models), with each model&apos;s map.</source>
        <translation>顕著な物体をぼかしたときにスコアが最も大きく低下した画像と最も低下しなかった画像です（モデル全体での確信度低下の平均）。各モデルのマップとともに示します。</translation>
    </message>
    <message>
        <source>Most diffuse salience: mean normalised entropy %1</source>
        <translation>最も拡散したサリエンシー: 正規化エントロピーの平均 %1</translation>
    </message>
    <message>
        <source>Most focused salience: mean normalised entropy %1</source>
        <translation>最も集中したサリエンシー: 正規化エントロピーの平均 %1</translation>
    </message>
    <message>
        <source>Salience most robust to noise: mean SSIM %1</source>
        <translation>ノイズに最も頑健なサリエンシー: SSIM の平均 %1</translation>
    </message>
    <message>
        <source>Salience least robust to noise: mean SSIM %1</source>
        <translation>ノイズに最も弱いサリエンシー: SSIM の平均 %1</translation>
    </message>
    <message>
        <source>Salience most consistent under transformations: mean SSIM %1</source>
        <translation>変換に対して最も一貫したサリエンシー: SSIM の平均 %1</translation>
    </message>
    <message>
        <source>Salience least consistent under transformations: mean SSIM %1</source>
        <translation>変換に対して最も一貫性の低いサリエンシー: SSIM の平均 %1</translation>
    </message>
    <message>
        <source>Most stable salience across training runs: mean pairwise SSIM %1</source>
        <translation>学習実行間で最も安定したサリエンシー: ペアワイズ SSIM の平均 %1</translation>
    </message>
    <message>
        <source>Least stable salience across training runs: mean pairwise SSIM %1</source>
        <translation>学習実行間で最も不安定なサリエンシー: ペアワイズ SSIM の平均 %1</translation>
    </message>
    <message>
        <source>Largest score drop when the object is blurred: mean confidence drop %1</source>
        <translation>物体をぼかしたときのスコア低下が最大: 確信度低下の平均 %1</translation>
    </message>
    <message>
        <source>Smallest score drop when the object is blurred: mean confidence drop %1</source>
        <translation>物体をぼかしたときのスコア低下が最小: 確信度低下の平均 %1</translation>
    </message>
    <message>
        <source>n/a</source>
        <translation>該当なし</translation>
    </message>
    <message>
        <source>Sanity checks</source>
        <translation>サニティチェック</translation>
    </message>
    <message>
        <source>Does the map depend on the model at all? Following Adebayo et al. (&quot;Sanity Checks for Saliency Maps&quot;, NeurIPS 2018), the model&apos;s blocks are re-initialised with random weights from the head down, step by step, and each step&apos;s map is compared with the model&apos;s own map: Spearman rank correlation of the float maps and SSIM of the 8-bit small maps. The curves show the mean similarity per step with a band of one standard deviation; the triangle is the random-logit test, the map of another class against the predicted class&apos;s. A method explains the model when similarity falls as more of the model is randomised; it passes when the mean Spearman correlation at the last step (every block randomised) is below 0.5.</source>
        <translation>マップはそもそもモデルに依存しているでしょうか。Adebayo らの論文（&quot;Sanity Checks for Saliency Maps&quot;、NeurIPS 2018）に従い、モデルのブロックを出力側から順に 1 ステップずつランダムな重みで再初期化し、各ステップのマップを元のモデルのマップと比較します。浮動小数点マップの Spearman 順位相関と、8 ビット小マップの SSIM です。曲線はステップごとの類似度の平均と ±1 標準偏差の帯を示し、三角形はランダムロジットテスト（予測クラスのマップに対する別のクラスのマップ）です。モデルのランダム化が進むほど類似度が下がる手法はモデルを説明しています。最後のステップ（全ブロックをランダム化）での Spearman 相関の平均が 0.5 未満なら合格です。</translation>
    </message>
    <message>
        <source>The images whose maps stayed most and least like the model&apos;s own as the model was randomised (mean Spearman correlation over the steps and models), with each model&apos;s map.</source>
        <translation>モデルをランダム化したときにマップが元のマップに最も似たままだった画像と最も変わった画像（ステップとモデルにわたる Spearman 相関の平均）を、各モデルのマップとともに示します。</translation>
    </message>
    <message>
        <source>Map least changed by randomising the model: mean Spearman correlation %1</source>
        <translation>モデルのランダム化で最も変わらなかったマップ: Spearman 相関の平均 %1</translation>
    </message>
    <message>
        <source>Map most changed by randomising the model: mean Spearman correlation %1</source>
        <translation>モデルのランダム化で最も変わったマップ: Spearman 相関の平均 %1</translation>
    </message>
    <message>
        <source>Faithfulness curves</source>
        <translation>忠実性曲線</translation>
    </message>
    <message>
        <source>Localisation</source>
        <translation>局在化</translation>
    </message>
    <message>
        <source>Does the model need the pixels its map calls salient? The pixels of each image are ordered by the map&apos;s salience and removed (or inserted) in equal steps, one forward pass per step; the curves show the mean probability of the class the map explains (the predicted class) against the share of pixels changed, with a band of one standard deviation, and each image&apos;s curve is summarised by the area under it.</source>
        <translation>モデルは、マップが顕著とする画素を必要としているでしょうか。各画像の画素をマップのサリエンシーの順に並べ、等しいステップで除去（または挿入）し、ステップごとに 1 回の順伝播を行います。曲線は、変更した画素の割合に対する、マップが説明するクラス（予測クラス）の確率の平均を 1 標準偏差の帯とともに示し、各画像の曲線はその曲線下面積で要約されます。</translation>
    </message>
    <message>
        <source>Does the map point at the region a mask marks? Each image&apos;s map (the upscaled 8-bit map the viewer shows) is scored against the human annotation and, where the dataset has them (the demo&apos;s exact artefact masks), against a second kind of mask, resized to the map with the bilinear filter and read as inside above 127. Pointing game (Zhang et al., &quot;Top-down Neural Attention by Excitation Backprop&quot;, ECCV 2016): is the map&apos;s maximum inside the mask. Relevance mass accuracy: the share of the map&apos;s sum inside the mask. Relevance rank accuracy (Arras et al., &quot;CLEVR-XAI&quot;, Information Fusion 2022): of the |mask| most salient pixels, the share inside the mask. Pixel AUC: the ROC AUC of the map&apos;s values as a detector of the mask&apos;s pixels (0.5 is chance). Higher is better for all four.</source>
        <translation>マップはマスクが示す領域を指しているでしょうか。各画像のマップ（ビューアーが表示する拡大した 8 ビットマップ）を、人間によるアノテーションと、データセットにある場合は 2 種類目のマスク（デモの正確なアーティファクトマスク）に対して評価します。マスクはバイリニアフィルタでマップの大きさに変換し、127 を超える画素を内側とします。ポインティングゲーム（Zhang ら、&quot;Top-down Neural Attention by Excitation Backprop&quot;、ECCV 2016）: マップの最大値がマスク内にあるか。関連度質量の正確さ: マップの総和のうちマスク内にある割合。関連度順位の正確さ（Arras ら、&quot;CLEVR-XAI&quot;、Information Fusion 2022）: 最も顕著な |マスク| 個の画素のうちマスク内にある割合。画素 AUC: マスクの画素の検出器としてのマップの値の ROC AUC（0.5 は偶然）。4 つとも高いほど良い値です。</translation>
    </message>
    <message>
        <source>Deletion (Petsiuk et al., &quot;RISE: Randomized Input Sampling for Explanation of Black-box Models&quot;, BMVC 2018): the most salient pixels are replaced first by the baseline (%1). A faithful map makes the probability fall fast: lower area is better.</source>
        <translation>削除（Petsiuk ら、&quot;RISE: Randomized Input Sampling for Explanation of Black-box Models&quot;、BMVC 2018）: 最も顕著な画素から順にベースライン（%1）に置き換えます。忠実なマップでは確率が速く下がるため、面積が小さいほど良い値です。</translation>
    </message>
    <message>
        <source>Insertion (RISE): starting from the baseline, the most salient pixels are restored first. A faithful map makes the probability rise fast: higher area is better.</source>
        <translation>挿入（RISE）: ベースラインから始めて、最も顕著な画素から順に復元します。忠実なマップでは確率が速く上がるため、面積が大きいほど良い値です。</translation>
    </message>
    <message>
        <source>ROAD, most relevant first (Rong et al., &quot;A Consistent and Efficient Evaluation Strategy for Attribution Methods&quot;, ICML 2022): the most salient pixels are removed first, each removed pixel replaced by noisy linear imputation (the weighted mean of its eight neighbours, solved jointly for all removed pixels, plus Gaussian noise), so the removal leaves no shape for the model to see. Lower area is better.</source>
        <translation>ROAD、関連度の高い順（Rong ら、&quot;A Consistent and Efficient Evaluation Strategy for Attribution Methods&quot;、ICML 2022）: 最も顕著な画素から除去し、除去した各画素をノイズ付き線形補完（8 近傍の重み付き平均を除去した全画素について連立して解き、ガウスノイズを加えたもの）で置き換えるため、除去がモデルに見える形を残しません。面積が小さいほど良い値です。</translation>
    </message>
    <message>
        <source>ROAD, least relevant first: the least salient pixels are removed first, by the same imputation. What the map calls unimportant should not matter: higher area is better.</source>
        <translation>ROAD、関連度の低い順: 最も顕著でない画素から、同じ補完で除去します。マップが重要でないとする画素は影響しないはずなので、面積が大きいほど良い値です。</translation>
    </message>
    <message>
        <source>Faithfulness: deletion curve</source>
        <translation>忠実性: 削除曲線</translation>
    </message>
    <message>
        <source>Faithfulness: insertion curve</source>
        <translation>忠実性: 挿入曲線</translation>
    </message>
    <message>
        <source>Faithfulness: ROAD curves</source>
        <translation>忠実性: ROAD 曲線</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Salience-based review of image classifiers.</source>
        <translation>サリエンシーに基づく画像分類器のレビュー。</translation>
    </message>
    <message>
        <source>The .saliscope project to open (default: the last one).</source>
        <translation>開く .saliscope プロジェクト（既定: 前回のプロジェクト）。</translation>
    </message>
</context>
<context>
    <name>saliscope::ui::DatasetBrowserWidget</name>
    <message>
        <source>True class</source>
        <translation>正解クラス</translation>
    </message>
    <message>
        <source>Any result</source>
        <translation>すべての結果</translation>
    </message>
    <message>
        <source>All correct</source>
        <translation>すべて正解</translation>
    </message>
    <message>
        <source>Some incorrect</source>
        <translation>一部不正解</translation>
    </message>
    <message>
        <source>Models disagree</source>
        <translation>モデル間で不一致</translation>
    </message>
    <message>
        <source>Filter by file name…</source>
        <translation>ファイル名で絞り込み…</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>表</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>グリッド</translation>
    </message>
    <message>
        <source>All classes</source>
        <translation>すべてのクラス</translation>
    </message>
    <message>
        <source>Unknown class</source>
        <translation>不明なクラス</translation>
    </message>
    <message>
        <source>Group (manipulation method, generator or video)</source>
        <translation>グループ（改変手法、生成器または動画）</translation>
    </message>
    <message>
        <source>All groups</source>
        <translation>すべてのグループ</translation>
    </message>
    <message>
        <source>Cannot read the dataset&apos;s images: %1</source>
        <translation>データセットの画像を読み込めません: %1</translation>
    </message>
    <message>
        <source>The image list leaves out results that cannot be read: %1</source>
        <translation>読み込めない結果は画像一覧に表示していません: %1</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message numerus="yes">
        <source>%n image(s)</source>
        <translation>
            <numerusform>%n 枚の画像</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 images</source>
        <translation>%1 / %2 枚の画像</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>書き出し…</translation>
    </message>
    <message>
        <source>Write the images listed now (filtered and sorted as shown) with every model&apos;s score, prediction and entropy to a CSV file</source>
        <translation>いま一覧にある画像(表示どおりの絞り込みと並び順)を、各モデルのスコア、予測、エントロピーとともに CSV ファイルに書き出します</translation>
    </message>
    <message>
        <source>Export image list</source>
        <translation>画像一覧の書き出し</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV ファイル (*.csv)</translation>
    </message>
    <message>
        <source>Export of the image list failed: %1</source>
        <translation>画像一覧の書き出しに失敗しました: %1</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n image(s) to %1</source>
        <translation>
            <numerusform>%n 枚の画像を %1 に書き出しました</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>saliscope::ui::DatasetFoldersDialog</name>
    <message>
        <source>Add dataset</source>
        <translation>データセットの追加</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;Annotations and artefact masks are optional: 8-bit images matched to the dataset&apos;s images by file name (pixels above 127 are inside). The localisation measure scores the maps against both; the salience entropy measure uses the annotations.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;アノテーションとアーティファクトマスクは任意です。ファイル名でデータセットの画像に対応付ける 8 ビット画像です（127 を超える画素が内側）。局在化の指標はマップを両方に対して評価し、サリエンシーエントロピーの指標はアノテーションを使います。</translation>
    </message>
    <message>
        <source>Annotations:</source>
        <translation>アノテーション:</translation>
    </message>
    <message>
        <source>Folder of human annotation maps (optional)</source>
        <translation>人間によるアノテーションマップのフォルダー（任意）</translation>
    </message>
    <message>
        <source>Artefact masks:</source>
        <translation>アーティファクトマスク:</translation>
    </message>
    <message>
        <source>Folder of exact artefact masks, a second kind of annotation (optional)</source>
        <translation>正確なアーティファクトマスク（2 種類目のアノテーション）のフォルダー（任意）</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>追加(&amp;A)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>参照…</translation>
    </message>
    <message>
        <source>%1 is not a folder.</source>
        <translation>%1 はフォルダーではありません。</translation>
    </message>
</context>
<context>
    <name>saliscope::ui::DatasetListModel</name>
    <message>
        <source>Dataset</source>
        <translation>データセット</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>画像</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>追加日時</translation>
    </message>
</context>
<context>
    <name>saliscope::ui::DatasetsDock</name>
    <message>
        <source>Datasets</source>
        <translation>データセット</translation>
    </message>
    <message>
        <source>Add dataset folder…</source>
        <translation>データセットフォルダーを追加…</translation>
    </message>
    <message>
        <source>Add manifest…</source>
        <translation>マニフェストを追加…</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>不明</translation>
    </message>
    <message numerus="yes">
        <source>%n unreadable</source>
        <translation>
            <numerusform>読み込み不可 %n 件</numerusform>
        </translation>
    </message>
    <message>
        <source>No dataset selected</source>
        <translation>データセットが選択されていません</translation>
    </message>
    <message>
        <source>Add dataset manifest</source>
        <translation>データセットマニフェストを追加</translation>
    </message>
    <message>
        <source>CSV manifests (*.csv);;All files (*)</source>
        <translation>CSV マニフェスト (*.csv);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Add dataset folder</source>
        <translation>データセットフォルダーを追加</translation>
    </message>
</context>
<context>
    <name>saliscope::ui::DegradationChartView</name>
    <message>
        <source>Drag selects images on the scatter</source>
        <translation>散布図上でドラッグすると画像を選択できます</translation>
    </message>
    <message>
        <source>Score drop = clean score minus degraded score. Faithful maps: blurring the object costs more than blurring the background (points above the diagonal).</source>
        <translation>スコア低下 = 元の画像のスコア − 劣化させた画像のスコア。忠実なマップでは、物体をぼかしたときの低下が背景をぼかしたときより大きくなります（対角線より上の点）。</translation>
    </message>
    <message>
        <source>score drop: background %1 – %2, object %3 – %4</source>
        <translation>スコア低下: 背景 %1 – %2、物体 %3 – %4</translation>
    </message>
    <message>
        <source>Mean score drop</source>
        <translation>スコア低下の平均</translation>
    </message>
    <message>
        <source>Score drop, background blurred</source>
        <translation>スコア低下（背景をぼかした場合）</translation>
    </message>
    <message>
        <source>Score drop, object blurred</source>
        <translation>スコア低下（物体をぼかした場合）</translation>
    </message>
    <message>
        <source>%1, %2 blurred: score drop above the mean %3</source>
        <translation>%1、%2 をぼかした場合: 平均 %3 を上回るスコア低下</translation>
    </message>
    <message>
        <source>%1: one image</source>
        <translation>%1: 1 枚の画像</translation>
    </message>
    <message>
        <source>%1, %2 blurred
mean score drop %3, SD %4 (%5 values)</source>
        <translation>%1、%2 をぼかした場合
スコア低下の平均 %3、標準偏差 %4（%5 個の値）</translation>
    </message>
    <message>
        <source>image #%1, %2
score drop: background %3, object %4</source>
        <translation>画像 #%1、%2
スコア低下: 背景 %3、物体 %4</translation>
    </message>
</context>
<context>
    <name>saliscope::ui::DemoDialog</name>
    <message>
        <source>Saliscope demo</source>
        <translation>Saliscope デモ</translation>
    </message>
    <message>
        <source>&lt;p&gt;No project is open. Saliscope can build its demo here, with no download:&lt;/p&gt;&lt;ul&gt;&lt;li&gt;2,000 face images (real photographs and synthetic twins carrying generator artefacts) with human-style annotations,&lt;/li&gt;&lt;li&gt;two families of five small detectors trained on them, with cross-entropy and with CYBORG&apos;s human-guided loss,&lt;/li&gt;&lt;li&gt;all five salience measures on the test images.&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;It takes about ten minutes on two cores the first time, seconds afterwards, in &lt;tt&gt;%1&lt;/tt&gt;.&lt;/p&gt;</source>
        <translation>&lt;p&gt;プロジェクトが開かれていません。Saliscope はダウンロードなしで、ここにデモを構築できます:&lt;/p&gt;&lt;ul&gt;&lt;li&gt;顔画像 2,000 枚（実写真と、生成器のアーティファクトを含む合成の対画像）と、人間が付けたような形式のアノテーション&lt;/li&gt;&lt;li&gt;それらの画像で学習した小型検出器 5 つずつからなる 2 つのファミリー（交差エントロピー損失によるものと、CYBORG の人間誘導型損失によるもの）&lt;/li&gt;&lt;li&gt;テスト画像に対する 5 つのサリエンシー指標すべて&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;構築先は &lt;tt&gt;%1&lt;/tt&gt; です。初回は 2 コアで約 10 分かかりますが、2 回目以降は数秒で完了します。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Build the demo</source>
        <translation>デモを構築</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>キャンセルしています…</translation>
    </message>
    <message>
        <source>Building the demo in %1</source>
        <translation>%1 にデモを構築しています</translation>
    </message>
    <message>
        <source>The demo could not be built: %1</source>
        <translation>デモを構築できませんでした: %1</translation>
    </message>
</context>
<context>
    <name>saliscope::ui::EntropyChartView</name>
    <message>
        <source>Normalised entropy (8-bit map)</source>
        <translation>正規化エントロピー（8 ビットマップ）</translation>
    </message>
    <message>
        <source>Spatial entropy</source>
        <translation>空間エントロピー</translation>
    </message>
    <message>
        <source>Salience inside the annotation</source>
        <translation>アノテーション内のサリエンシー</translation>
    </message>
    <message>
        <source>Value:</source>
        <translation>値:</translation>
    </message>
    <message>
        <source>maps (image × model)</source>
        <translation>マップ（画像 × モデル）</translation>
    </message>
    <message>
        <source>images</source>
        <translation>画像</translation>
    </message>
    <message>
        <source>%1: %2 in [%3, %4)</source>
        <translation>%1: [%3, %4) に %2 件</translation>
    </message>
    <message>
        <source>%1: %2 outliers (beyond 1.5 IQR)</source>
        <translation>%1: 外れ値 %2 件（1.5 IQR 超）</translation>
    </message>
    <message>
        <source>%1
[%2, %3): %4 images
Click to show them</source>
        <translation>%1
[%2, %3): %4 枚の画像
クリックすると表示します</translation>
    </message>
    <message>
        <source>%1 (%2 values)
median %3, quartiles %4 – %5
%6 outliers: click to show them</source>
        <translation>%1（%2 個の値）
中央値 %3、四分位数 %4 – %5
外れ値 %6 件: クリックすると表示します</translation>
    </message>
</context>
<context>
    <name>saliscope::ui::FaithfulnessChartView</name>
    <message>
        <source>Curve:</source>
        <translation>曲線:</translation>
    </message>
    <message>
        <source>Class probability as pixels are removed (deletion, ROAD) or inserted (insertion) in the map&apos;s order. A faithful map: deletion and ROAD MoRF fall fast (low area), insertion and ROAD LeRF stay high (high area). Band: ±1 standard deviation. Click a point for the images on its worse side of the mean, a bin for its images.</source>
        <translation>マップの順序で画素を除去（削除、ROAD）または挿入（挿入）したときのクラス確率。忠実なマップでは、削除と ROAD MoRF は速く下がり（面積が小さい）、挿入と ROAD LeRF は高いまま保たれます（面積が大きい）。帯: ±1 標準偏差。点をクリックすると平均より悪い側の画像を、ビンをクリックするとその画像を選択します。</translation>
    </message>
    <message>
        <source>Deletion</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>Insertion</source>
        <translation>挿入</translation>
    </message>
    <message>
        <source>ROAD, most relevant first (MoRF)</source>
        <translation>ROAD、関連度の高い順（MoRF）</translation>
    </message>
    <message>
        <source>ROAD, least relevant first (LeRF)</source>
        <translation>ROAD、関連度の低い順（LeRF）</translation>
    </message>
    <message>
        <source>Methods: %1</source>
        <translation>手法: %1</translation>
    </message>
    <message>
        <source>Share of pixels inserted, most salient first</source>
        <translation>挿入した画素の割合（最も顕著な画素から）</translation>
    </message>
    <message>
        <source>Share of pixels removed, least salient first</source>
        <translation>除去した画素の割合（最も顕著でない画素から）</translation>
    </message>
    <message>
        <source>Share of pixels removed, most salient first</source>
        <translation>除去した画素の割合（最も顕著な画素から）</translation>
    </message>
    <message>
        <source>Mean class probability</source>
        <translation>クラス確率の平均</translation>
    </message>
    <message>
        <source>Area under the curve (lower is better)</source>
        <translation>曲線下面積（低いほど良い）</translation>
    </message>
    <message>
        <source>Area under the curve (higher is better)</source>
        <translation>曲線下面積（高いほど良い）</translation>
    </message>
    <message>
        <source>maps (image × model)</source>
        <translation>マップ（画像 × モデル）</translation>
    </message>
    <message>
        <source>images</source>
        <translation>画像</translation>
    </message>
    <message>
        <source>%1, %2 at %3% of the pixels: probability %4 the mean %5</source>
        <translation>%1、%2（画素の %3%）: 確率が平均 %5 を%4</translation>
    </message>
    <message>
        <source>above</source>
        <translation>上回る</translation>
    </message>
    <message>
        <source>below</source>
        <translation>下回る</translation>
    </message>
    <message>
        <source>%1: %2 area in [%3, %4)</source>
        <translation>%1: %2 の面積が [%3, %4)</translation>
    </message>
    <message>
        <source>%1, %2% of the pixels
mean probability %3, SD %4 (%5 images)</source>
        <translation>%1、画素の %2%
確率の平均 %3、標準偏差 %4（%5 枚の画像）</translation>
    </message>
    <message>
        <source>%1
area in [%2, %3): %4 images
Click to show them</source>
        <translation>%1
面積 [%2, %3): %4 枚の画像
クリックすると表示します</translation>
    </message>
</context>
<context>
    <name>saliscope::ui::ImageListModel</name>
    <message>
        <source>%1
unreadable: %2</source>
        <translation>%1
読み込み不可: %2</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>不明</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>はい</translation>
    </message>
    <message>
        <source>no</source>
        <translation>いいえ</translation>
    </message>
    <message>
        <source>File</source>
        <translation>ファイル</translation>
    </message>
    <message>
        <source>True class</source>
        <translation>正解クラス</translation>
    </message>
    <message>
        <source>score</source>
        <translation>スコア</translation>
    </message>
    <message>
        <source>prediction</source>
        <translation>予測</translation>
    </message>
    <message>
        <source>correct</source>
        <translation>正解</translation>
    </message>
    <message>
        <source>entropy</source>
        <translation>エントロピー</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1
%2</source>
        <translation>%1
%2</translation>
    </message>
</context>
<context>
    <name>saliscope::ui::LocalisationChartView</name>
    <message>
        <source>Human annotation</source>
        <translation>人間によるアノテーション</translation>
    </message>
    <message>
        <source>Exact artefact mask</source>
        <translation>正確なアーティファクトマスク</translation>
    </message>
    <message>
        <source>Against:</source>
        <translation>比較対象:</translation>
    </message>
    <message>
        <source>Histogram of:</source>
        <translation>ヒストグラム:</translation>
    </message>
    <message>
        <source>Pointing game: the map&apos;s maximum inside the mask (1) or not (0). Mass: share of salience inside. Rank: share of the top pixels (as many as the mask has) inside. Pixel AUC: the map as a detector of the mask&apos;s pixels (0.5: chance). Higher is better for all four. Click a bar for the images below its mean, a bin for its images.</source>
        <translation>ポインティングゲーム: マップの最大値がマスク内にあるか（1）ないか（0）。質量: マスク内にあるサリエンシーの割合。順位: 上位の画素（マスクと同じ数）のうちマスク内にある割合。画素 AUC: マスクの画素の検出器としてのマップ（0.5 は偶然）。4 つとも高いほど良い値です。棒をクリックすると平均を下回る画像を、ビンをクリックするとその画像を選択します。</translation>
    </message>
    <message>
        <source>Pointing game</source>
        <translation>ポインティングゲーム</translation>
    </message>
    <message>
        <source>Relevance mass</source>
        <translation>関連度質量</translation>
    </message>
    <message>
        <source>Relevance rank</source>
        <translation>関連度順位</translation>
    </message>
    <message>
        <source>Pixel AUC</source>
        <translation>画素 AUC</translation>
    </message>
    <message>
        <source>Methods: %1</source>
        <translation>手法: %1</translation>
    </message>
    <message>
        <source>Mean against the artefact mask</source>
        <translation>アーティファクトマスクに対する平均</translation>
    </message>
    <message>
        <source>Mean against the annotation</source>
        <translation>アノテーションに対する平均</translation>
    </message>
    <message>
        <source>maps (image × model)</source>
        <translation>マップ（画像 × モデル）</translation>
    </message>
    <message>
        <source>images</source>
        <translation>画像</translation>
    </message>
    <message>
        <source>%1, %2 (%3): below the mean %4</source>
        <translation>%1、%2（%3）: 平均 %4 を下回る</translation>
    </message>
    <message>
        <source>%1: %2 (%3) in [%4, %5)</source>
        <translation>%1: %2（%3）が [%4, %5)</translation>
    </message>
    <message>
        <source>%1, %2
mean %3, SD %4 (%5 images)</source>
        <translation>%1、%2
平均 %3、標準偏差 %4（%5 枚の画像）</translation>
    </message>
    <message>
        <source>%1
[%2, %3): %4 images
Click to show them</source>
        <translation>%1
[%2, %3): %4 枚の画像
クリックすると表示します</translation>
    </message>
</context>
<context>
    <name>saliscope::ui::RunListModel</name>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 分 %2 秒</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 時間 %2 分</translation>
    </message>
    <message>
        <source>queued</source>
        <translation>待機中</translation>
    </message>
    <message>
        <source>running</source>
        <translation>実行中</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>完了</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失敗</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>キャンセル済み</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Measures</source>
        <translation>指標</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>モデル</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>データセット</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>デバイス</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>進捗</translation>
    </message>
    <message>
        <source>Images/s</source>
        <translation>枚/秒</translation>
    </message>
    <message>
        <source>ETA</source>
        <translation>残り時間</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>開始日時</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>手法</translation>
    </message>
    <message>
        <source>Salience method of the run&apos;s maps</source>
        <translation>この実行のマップのサリエンシー手法</translation>
    </message>
</context>
<context>
    <name>saliscope::ui::RunsDock</name>
    <message>
        <source>Runs</source>
        <translation>実行</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>再開</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>破棄</translation>
    </message>
    <message>
        <source>Mark them cancelled; their stored rows are kept.</source>
        <translation>キャンセル済みとしてマークします。保存済みの行は保持されます。</translation>
    </message>
    <message numerus="yes">
        <source>%n unfinished run(s) from an earlier session: resume computes only the images without results.</source>
        <translation>
            <numerusform>以前のセッションの未完了の実行が %n 件あります: 再開すると、結果のない画像のみを計算します。</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Stop this run after the batch in progress; queue it again to resume.</source>
        <translation>処理中のバッチが終わった後でこの実行を停止します。再開するには再度キューに追加してください。</translation>
    </message>
    <message>
        <source>Queue runs with Measures › Run measures… (Ctrl+R).</source>
        <translation>実行をキューに追加するには、指標 › 指標を実行… (Ctrl+R) を使用します。</translation>
    </message>
    <message>
        <source>Run #%1: %2 on %3 with %4 (%5).</source>
        <translation>実行 #%1: %2（データセット %3、モデル %4、%5）。</translation>
    </message>
    <message>
        <source>%1 images were already done.</source>
        <translation>%1 枚の画像は計算済みでした。</translation>
    </message>
    <message>
        <source>Queue the same run again to compute only the missing images.</source>
        <translation>同じ実行を再度キューに追加すると、不足している画像のみを計算します。</translation>
    </message>
    <message numerus="yes">
        <source>%n image(s) skipped.</source>
        <translation>
            <numerusform>%n 枚の画像をスキップしました。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>saliscope::ui::Language</name>
    <message>
        <source>System language</source>
        <translation>システムの言語</translation>
    </message>
</context>
<context>
    <name>saliscope::ui::LanguageMenu</name>
    <message>
        <source>&amp;Language</source>
        <translation>言語(&amp;L)</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>言語</translation>
    </message>
    <message>
        <source>The new language applies when Saliscope starts again.</source>
        <translation>新しい言語は Saliscope の次回起動時に適用されます。</translation>
    </message>
</context>
<context>
    <name>saliscope::ui::LauncherDialog</name>
    <message>
        <source>Run measures</source>
        <translation>指標を実行</translation>
    </message>
    <message>
        <source>%1 (%2 images)</source>
        <translation>%1（%2 枚の画像）</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>CUDA (GPU)</source>
        <translation>CUDA (GPU)</translation>
    </message>
    <message>
        <source>Where the models run; CUDA is offered when this build finds a GPU.</source>
        <translation>モデルを実行するデバイスです。このビルドが GPU を検出した場合に CUDA を選択できます。</translation>
    </message>
    <message>
        <source>Images per batch: larger batches are faster on a GPU; a cancelled run stops after the batch in progress.</source>
        <translation>バッチあたりの画像数です。GPU ではバッチが大きいほど高速です。キャンセルした実行は、処理中のバッチが終わった後で停止します。</translation>
    </message>
    <message>
        <source>Dataset:</source>
        <translation>データセット:</translation>
    </message>
    <message>
        <source>Device:</source>
        <translation>デバイス:</translation>
    </message>
    <message>
        <source>Batch size:</source>
        <translation>バッチサイズ:</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>実行(&amp;R)</translation>
    </message>
    <message>
        <source>Measures</source>
        <translation>指標</translation>
    </message>
    <message>
        <source>Predictions (score, class, correct) are always computed.</source>
        <translation>予測（スコア、クラス、正解かどうか）は常に計算されます。</translation>
    </message>
    <message>
        <source>Models and families</source>
        <translation>モデルとファミリー</translation>
    </message>
    <message>
        <source>Family %1 (%2 models: %3)</source>
        <translation>ファミリー %1（%2 個のモデル: %3）</translation>
    </message>
    <message>
        <source>Every model of the family takes part; stability compares them pairwise.</source>
        <translation>ファミリーのすべてのモデルが対象になります。安定性はそれらをペアごとに比較します。</translation>
    </message>
    <message>
        <source>%1 (%2x%3%4)</source>
        <translation>%1（%2x%3%4）</translation>
    </message>
    <message>
        <source>, family %1</source>
        <translation>、ファミリー %1</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>パラメーター</translation>
    </message>
    <message>
        <source>%1
Default: %2</source>
        <translation>%1
既定値: %2</translation>
    </message>
    <message>
        <source>Reset to defaults</source>
        <translation>既定値に戻す</translation>
    </message>
    <message>
        <source>Tick at least one measure.</source>
        <translation>指標を 1 つ以上選択してください。</translation>
    </message>
    <message>
        <source>Tick at least one model or family.</source>
        <translation>モデルまたはファミリーを 1 つ以上選択してください。</translation>
    </message>
    <message>
        <source>The project has no dataset: add one first.</source>
        <translation>プロジェクトにデータセットがありません。先に追加してください。</translation>
    </message>
    <message>
        <source>%1 images × %2 models → %3 forward passes (%4 per image; each one forward and one backward pass)</source>
        <translation>%1 枚の画像 × %2 個のモデル → 順伝播 %3 回（画像あたり %4 回。各回で順伝播と逆伝播を 1 回ずつ実行）</translation>
    </message>
    <message>
        <source>Salience methods</source>
        <translation>サリエンシー手法</translation>
    </message>
    <message>
        <source>Each ticked method makes a run of its own, with its own maps and results.</source>
        <translation>選択した手法ごとに、それぞれのマップと結果を持つ実行を 1 つずつ作成します。</translation>
    </message>
    <message>
        <source>One masked forward pass per channel of the CAM layer for every map: far slower than the others.</source>
        <translation>マップごとに CAM 層のチャネル数だけマスク付きの順伝播を行うため、他の手法よりはるかに低速です。</translation>
    </message>
    <message>
        <source>Tick at least one salience method.</source>
        <translation>サリエンシー手法を 1 つ以上選択してください。</translation>
    </message>
    <message>
        <source>%1 of %2 runs queued; the %3 run was refused: %4</source>
        <translation>%2 件中 %1 件の実行をキューに追加しました。%3 の実行は拒否されました: %4</translation>
    </message>
    <message numerus="yes">
        <source>%1 images × %2 models × %n method(s) → %3 forward passes (%4 map passes and %5 masked Score-CAM passes per image)</source>
        <translation>
            <numerusform>%1 枚の画像 × %2 個のモデル × %n 個の手法 → 順伝播 %3 回（画像あたりマップ計算 %4 回、Score-CAM のマスク付き順伝播 %5 回）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Score-CAM: %1 CAM-layer channels assumed for %n model(s) not loaded yet.</source>
        <translation>
            <numerusform>Score-CAM: まだ読み込まれていない %n 個のモデルは、CAM 層のチャネル数を %1 と仮定しています。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 images × %2 models × %n method(s) → %3 forward passes (%4 per image)</source>
        <translation>
            <numerusform>%1 枚の画像 × %2 個のモデル × %n 個の手法 → 順伝播 %3 回（画像あたり %4 回）</numerusform>
        </translation>
    </message>
    <message>
        <source>Faithfulness curves: %1 of those forward passes (%2 per image, no map), one per step and curve.</source>
        <translation>忠実性曲線: そのうち %1 回の順伝播（画像あたり %2 回、マップなし）。ステップと曲線ごとに 1 回です。</translation>
    </message>
</context>
<context>
    <name>saliscope::ui::LogDock</name>
    <message>
        <source>Log</source>
        <translation>ログ</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>クリア</translation>
    </message>
</context>
<context>
    <name>saliscope::LogModel</name>
    <message>
        <source>error</source>
        <translation>エラー</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>info</source>
        <translation>情報</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>時刻</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>レベル</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>メッセージ</translation>
    </message>
</context>
<context>
    <name>saliscope::ui::MainWindow</name>
    <message>
        <source>Images</source>
        <translation>画像</translation>
    </message>
    <message>
        <source>LibTorch %1, %2 threads, %3</source>
        <translation>LibTorch %1、%2 スレッド、%3</translation>
    </message>
    <message>
        <source>CUDA available</source>
        <translation>CUDA 利用可能</translation>
    </message>
    <message>
        <source>CPU only</source>
        <translation>CPU のみ</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;New project…</source>
        <translation>新規プロジェクト(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Open project…</source>
        <translation>プロジェクトを開く(&amp;O)…</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>最近使ったプロジェクト(&amp;R)</translation>
    </message>
    <message>
        <source>Add &amp;model…</source>
        <translation>モデルを追加(&amp;M)…</translation>
    </message>
    <message>
        <source>Add &amp;dataset folder…</source>
        <translation>データセットフォルダーを追加(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Close project</source>
        <translation>プロジェクトを閉じる(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <source>Show &amp;table</source>
        <translation>表を表示(&amp;T)</translation>
    </message>
    <message>
        <source>Show &amp;grid</source>
        <translation>グリッドを表示(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <source>Build or open the &amp;demo project…</source>
        <translation>デモプロジェクトを構築または開く(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;About Saliscope</source>
        <translation>Saliscope について(&amp;A)</translation>
    </message>
    <message>
        <source>New project</source>
        <translation>新規プロジェクト</translation>
    </message>
    <message>
        <source>Saliscope projects (*.saliscope)</source>
        <translation>Saliscope プロジェクト (*.saliscope)</translation>
    </message>
    <message>
        <source>Open project</source>
        <translation>プロジェクトを開く</translation>
    </message>
    <message>
        <source>Saliscope projects (*.saliscope);;All files (*)</source>
        <translation>Saliscope プロジェクト (*.saliscope);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>%1 — Saliscope</source>
        <translation>%1 — Saliscope</translation>
    </message>
    <message>
        <source>Saliscope</source>
        <translation>Saliscope</translation>
    </message>
    <message>
        <source>About Saliscope</source>
        <translation>Saliscope について</translation>
    </message>
    <message>
        <source>&lt;b&gt;Saliscope %1&lt;/b&gt;&lt;p&gt;Salience-based explainability measures for synthetic-face detectors (Crum et al., IEEE Trans. AI 2023).&lt;/p&gt;&lt;p&gt;LibTorch %2&lt;/p&gt;</source>
        <translation>&lt;b&gt;Saliscope %1&lt;/b&gt;&lt;p&gt;合成顔検出器のための、サリエンシーに基づく説明可能性指標（Crum et al., IEEE Trans. AI 2023）。&lt;/p&gt;&lt;p&gt;LibTorch %2&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Saliscope is free software: you may redistribute and modify it under the terms of the GNU General Public License, version 3 or later (GPL-3.0-or-later). It comes with NO WARRANTY, to the extent permitted by law. The licence text is in the file LICENSE of the source code and at &lt;a href=&quot;https://www.gnu.org/licenses/gpl-3.0.html&quot;&gt;https://www.gnu.org/licenses/gpl-3.0.html&lt;/a&gt;.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Saliscope はフリーソフトウェアです。GNU 一般公衆利用許諾書（GNU General Public License）バージョン 3 またはそれ以降（GPL-3.0-or-later）の条件の下で、再頒布および改変することができます。法律で認められる範囲で、一切の保証はありません（無保証）。ライセンスの全文は、ソースコードの LICENSE ファイルおよび &lt;a href=&quot;https://www.gnu.org/licenses/gpl-3.0.html&quot;&gt;https://www.gnu.org/licenses/gpl-3.0.html&lt;/a&gt; にあります。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Salience maps</source>
        <translation>サリエンシーマップ</translation>
    </message>
    <message>
        <source>What the measures do</source>
        <translation>指標の処理内容</translation>
    </message>
    <message>
        <source>The noisy, transformed and degraded variants of the current image, each with its map and the values the measures store</source>
        <translation>現在の画像にノイズ、変換、劣化を加えたバリエーションを、それぞれのマップと指標が保存する値とともに表示します</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>結果</translation>
    </message>
    <message>
        <source>Scorecard and charts of the measure runs; a click on a chart shows its images</source>
        <translation>指標の実行のスコアカードとグラフです。グラフをクリックすると該当する画像を表示します</translation>
    </message>
    <message>
        <source>&amp;Export report…</source>
        <translation>レポートをエクスポート(&amp;E)…</translation>
    </message>
    <message>
        <source>Write a PDF review of the project: scorecard, charts, gallery, skipped images</source>
        <translation>プロジェクトの PDF レビューを書き出します: スコアカード、グラフ、ギャラリー、スキップされた画像</translation>
    </message>
    <message>
        <source>&amp;Measures</source>
        <translation>指標(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Run measures…</source>
        <translation>指標を実行(&amp;R)…</translation>
    </message>
    <message>
        <source>Ctrl+R</source>
        <translation>Ctrl+R</translation>
    </message>
    <message>
        <source>Choose measures, models, dataset and parameters, and queue the run</source>
        <translation>指標、モデル、データセット、パラメーターを選択して、実行をキューに追加します</translation>
    </message>
    <message>
        <source>Measures</source>
        <translation>指標</translation>
    </message>
    <message>
        <source>Report written: %1 (%2 pages)</source>
        <translation>レポートを書き出しました: %1（%2 ページ）</translation>
    </message>
    <message>
        <source>Cannot use %1: drop a Saliscope project (.saliscope), a TorchScript model (.pt, .pth, .ts), a dataset folder or a CSV manifest.</source>
        <translation>%1 は使えません。Saliscope プロジェクト (.saliscope)、TorchScript モデル (.pt, .pth, .ts)、データセットのフォルダー、または CSV マニフェストをドロップしてください。</translation>
    </message>
    <message>
        <source>Open or create a project before adding %1.</source>
        <translation>%1 を追加する前に、プロジェクトを開くか作成してください。</translation>
    </message>
    <message>
        <source>Export &amp;results…</source>
        <translation>結果をエクスポート(&amp;R)…</translation>
    </message>
    <message>
        <source>Write runs and salience maps for other tools: NumPy arrays, a FiftyOne dataset or PNG maps</source>
        <translation>他のツール向けに実行とサリエンシーマップを書き出します: NumPy 配列、FiftyOne データセット、PNG マップ</translation>
    </message>
    <message>
        <source>Results exported: %1 (%2)</source>
        <translation>結果をエクスポートしました: %1（%2）</translation>
    </message>
</context>
<context>
    <name>saliscope::MapService</name>
    <message>
        <source>Map not stored: %1</source>
        <translation>マップを保存できませんでした: %1</translation>
    </message>
</context>
<context>
    <name>saliscope::ui::MeasureChartView</name>
    <message>
        <source>Export chart…</source>
        <translation>グラフをエクスポート…</translation>
    </message>
    <message>
        <source>Reset view</source>
        <translation>表示をリセット</translation>
    </message>
    <message>
        <source>Clear selection</source>
        <translation>選択を解除</translation>
    </message>
    <message>
        <source>Export chart</source>
        <translation>グラフをエクスポート</translation>
    </message>
    <message>
        <source>PNG image (*.png);;PDF document (*.pdf)</source>
        <translation>PNG 画像 (*.png);;PDF ドキュメント (*.pdf)</translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation>%1 を書き込めません。</translation>
    </message>
    <message>
        <source>Method: %1</source>
        <translation>手法: %1</translation>
    </message>
</context>
<context>
    <name>saliscope::ui::MeasurePreviewCell</name>
    <message>
        <source>computing…</source>
        <translation>計算中…</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失敗</translation>
    </message>
    <message>
        <source>no map</source>
        <translation>マップなし</translation>
    </message>
</context>
<context>
    <name>saliscope::ui::MeasurePreviewWidget</name>
    <message>
        <source>Noise (b)</source>
        <translation>ノイズ (b)</translation>
    </message>
    <message>
        <source>Transformations (c)</source>
        <translation>変換 (c)</translation>
    </message>
    <message>
        <source>Degradation (e)</source>
        <translation>劣化 (e)</translation>
    </message>
    <message>
        <source>The measure whose variants of the image are computed and shown</source>
        <translation>画像のバリエーションを計算して表示する指標</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>指標</translation>
    </message>
    <message>
        <source>clean</source>
        <translation>元画像</translation>
    </message>
    <message>
        <source>noise %1</source>
        <translation>ノイズ %1</translation>
    </message>
    <message>
        <source>flip left–right</source>
        <translation>左右反転</translation>
    </message>
    <message>
        <source>rotate 90° clockwise</source>
        <translation>時計回りに 90° 回転</translation>
    </message>
    <message>
        <source>rotate 90° counter-clockwise</source>
        <translation>反時計回りに 90° 回転</translation>
    </message>
    <message>
        <source>left</source>
        <translation>左</translation>
    </message>
    <message>
        <source>right</source>
        <translation>右</translation>
    </message>
    <message>
        <source>up</source>
        <translation>上</translation>
    </message>
    <message>
        <source>down</source>
        <translation>下</translation>
    </message>
    <message>
        <source>shift %1</source>
        <translation>%1 へ平行移動</translation>
    </message>
    <message>
        <source>blur background</source>
        <translation>背景をぼかす</translation>
    </message>
    <message>
        <source>blur object</source>
        <translation>物体をぼかす</translation>
    </message>
    <message>
        <source>no image</source>
        <translation>画像なし</translation>
    </message>
    <message>
        <source>Add a model (Models dock) to see what the measures do to its maps.</source>
        <translation>指標がマップに与える影響を確認するには、モデルを追加してください（モデル ドック）。</translation>
    </message>
    <message>
        <source>Measure preview of %1 by %2 failed: %3</source>
        <translation>モデル %2 による画像 %1 の指標プレビューに失敗しました: %3</translation>
    </message>
    <message>
        <source>not applied to a non-square input</source>
        <translation>正方形でない入力には適用されません</translation>
    </message>
    <message>
        <source>score %1 · %2%3</source>
        <translation>スコア %1 · %2%3</translation>
    </message>
    <message>
        <source>entropy %1</source>
        <translation>エントロピー %1</translation>
    </message>
    <message>
        <source>SSIM %1  H %2</source>
        <translation>SSIM %1  H %2</translation>
    </message>
    <message>
        <source>SSIM %1</source>
        <translation>SSIM %1</translation>
    </message>
    <message>
        <source>  changed</source>
        <translation>  変化あり</translation>
    </message>
    <message>
        <source>drop %1  SSIM %2</source>
        <translation>低下 %1  SSIM %2</translation>
    </message>
    <message>
        <source>  flat</source>
        <translation>  平坦</translation>
    </message>
    <message>
        <source>%1 on %2, %3</source>
        <translation>%1、%2、%3</translation>
    </message>
    <message>
        <source>&lt;i&gt;Open a project (File menu)&lt;/i&gt;</source>
        <translation>&lt;i&gt;プロジェクトを開いてください（ファイル メニュー）&lt;/i&gt;</translation>
    </message>
    <message>
        <source>&lt;i&gt;No image selected&lt;/i&gt;</source>
        <translation>&lt;i&gt;画像が選択されていません&lt;/i&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; &amp;nbsp; %2 variants × %3 models</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; &amp;nbsp; %2 個のバリエーション × %3 個のモデル</translation>
    </message>
    <message>
        <source> &amp;nbsp; &lt;span style=&apos;color:gray&apos;&gt;computing: %1 of %2 models done&lt;/span&gt;</source>
        <translation> &amp;nbsp; &lt;span style=&apos;color:gray&apos;&gt;計算中: %2 個のモデルのうち %1 個が完了&lt;/span&gt;</translation>
    </message>
    <message>
        <source>flip top–bottom</source>
        <translation>上下反転</translation>
    </message>
    <message>
        <source>Sanity checks</source>
        <translation>サニティチェック</translation>
    </message>
    <message>
        <source>randomised to step %1</source>
        <translation>ステップ %1 までランダム化</translation>
    </message>
    <message>
        <source>random logit (another class)</source>
        <translation>ランダムロジット（別のクラス）</translation>
    </message>
    <message>
        <source>ρ %1  SSIM %2</source>
        <translation>ρ %1  SSIM %2</translation>
    </message>
</context>
<context>
    <name>saliscope::MeasureQueue</name>
    <message>
        <source>Open a project first.</source>
        <translation>先にプロジェクトを開いてください。</translation>
    </message>
    <message>
        <source>The project is read-only: %1</source>
        <translation>プロジェクトは読み取り専用です: %1</translation>
    </message>
    <message>
        <source>The same run is already queued (#%1).</source>
        <translation>同じ実行がすでにキューにあります (#%1)。</translation>
    </message>
    <message>
        <source>cancelled before it started</source>
        <translation>開始前にキャンセルされました</translation>
    </message>
    <message>
        <source>Run #%1 failed: %2</source>
        <translation>実行 #%1 が失敗しました: %2</translation>
    </message>
    <message>
        <source>Run #%1 started: %2 on %3 images (%4 already done)</source>
        <translation>実行 #%1 を開始しました: %3 枚の画像に対する %2（%4 枚は計算済み）</translation>
    </message>
    <message>
        <source>Run #%1 finished: %2 images computed, %3 already done, %4 skipped</source>
        <translation>実行 #%1 が完了しました: 計算 %2 枚、計算済み %3 枚、スキップ %4 枚</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>キャンセル済み</translation>
    </message>
    <message>
        <source>Run #%1 cancelled after %2 of %3 images; queue it again to resume</source>
        <translation>実行 #%1 は %3 枚中 %2 枚の処理後にキャンセルされました。再開するには再度キューに追加してください</translation>
    </message>
    <message>
        <source>Cannot resume runs %1: %2</source>
        <translation>実行 %1 を再開できません: %2</translation>
    </message>
</context>
<context>
    <name>saliscope::ui::ModelListModel</name>
    <message>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <source>CAM layer</source>
        <translation>CAM レイヤー</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>入力</translation>
    </message>
    <message>
        <source>Classes</source>
        <translation>クラス</translation>
    </message>
    <message>
        <source>Family</source>
        <translation>ファミリー</translation>
    </message>
    <message>
        <source>File</source>
        <translation>ファイル</translation>
    </message>
    <message>
        <source>Saliscope&apos;s defaults, probably assumed for a file without saliscope.json: check them with Edit metadata…</source>
        <translation>Saliscope の既定値です。saliscope.json のないファイルに対して仮定された可能性があります。メタデータを編集… で確認してください</translation>
    </message>
    <message>
        <source> run %1</source>
        <translation> 実行 %1</translation>
    </message>
    <message>
        <source>mean %1; std %2</source>
        <translation>平均 %1、標準偏差 %2</translation>
    </message>
    <message>
        <source>defaults</source>
        <translation>既定値</translation>
    </message>
    <message>
        <source>stated</source>
        <translation>指定値</translation>
    </message>
    <message>
        <source>The positive class (whose probability is the score) is marked *</source>
        <translation>陽性クラス（その確率がスコアになるクラス）には * が付いています</translation>
    </message>
    <message>
        <source>Architecture</source>
        <translation>アーキテクチャ</translation>
    </message>
    <message>
        <source>Normalisation</source>
        <translation>正規化</translation>
    </message>
    <message>
        <source>Metadata</source>
        <translation>メタデータ</translation>
    </message>
</context>
<context>
    <name>saliscope::ui::ModelMetadataDialog</name>
    <message>
        <source>Metadata of %1</source>
        <translation>%1 のメタデータ</translation>
    </message>
    <message>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <source>Input size (width × height)</source>
        <translation>入力サイズ（幅 × 高さ）</translation>
    </message>
    <message>
        <source>Mean (R, G, B)</source>
        <translation>平均 (R, G, B)</translation>
    </message>
    <message>
        <source>Std (R, G, B)</source>
        <translation>標準偏差 (R, G, B)</translation>
    </message>
    <message>
        <source>Class names in the order of the model&apos;s outputs, separated by commas</source>
        <translation>モデルの出力順に並べたクラス名（カンマ区切り）</translation>
    </message>
    <message>
        <source>Class names</source>
        <translation>クラス名</translation>
    </message>
    <message>
        <source>The class whose probability is the score (&quot;synthetic&quot; for a deepfake detector)</source>
        <translation>確率がスコアとなるクラス（ディープフェイク検出器では &quot;synthetic&quot;）</translation>
    </message>
    <message>
        <source>Positive class</source>
        <translation>陽性クラス</translation>
    </message>
    <message>
        <source>e.g. densenet121</source>
        <translation>例: densenet121</translation>
    </message>
    <message>
        <source>Architecture</source>
        <translation>アーキテクチャ</translation>
    </message>
    <message>
        <source>e.g. xent, cyborg</source>
        <translation>例: xent, cyborg</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>損失</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>不明</translation>
    </message>
    <message>
        <source>Training run</source>
        <translation>学習実行</translation>
    </message>
    <message>
        <source>the model&apos;s default</source>
        <translation>モデルの既定値</translation>
    </message>
    <message>
        <source>Module path of the layer Grad-CAM uses, e.g. features.denseblock4 or layer4</source>
        <translation>Grad-CAM が使用するレイヤーのモジュールパス（例: features.denseblock4 や layer4）</translation>
    </message>
    <message>
        <source>CAM layer</source>
        <translation>CAM レイヤー</translation>
    </message>
    <message>
        <source>ImageNet defaults</source>
        <translation>ImageNet の既定値</translation>
    </message>
    <message>
        <source>OK checks that the model loads and gives a map with these values; maps it already has in the project are then computed again.</source>
        <translation>OK を押すと、モデルが読み込まれ、これらの値でマップを生成できることを確認します。プロジェクトに保存済みのマップはその後再計算されます。</translation>
    </message>
</context>
<context>
    <name>saliscope::ui::ModelsDock</name>
    <message>
        <source>Models</source>
        <translation>モデル</translation>
    </message>
    <message>
        <source>Add model…</source>
        <translation>モデルを追加…</translation>
    </message>
    <message>
        <source>Add models</source>
        <translation>モデルを追加</translation>
    </message>
    <message>
        <source>TorchScript models (*.pt *.pth *.ts);;All files (*)</source>
        <translation>TorchScript モデル (*.pt *.pth *.ts);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Edit metadata…</source>
        <translation>メタデータを編集…</translation>
    </message>
    <message>
        <source>Input size, normalisation, classes and CAM layer of the selected model</source>
        <translation>選択したモデルの入力サイズ、正規化、クラス、CAM レイヤー</translation>
    </message>
    <message>
        <source>Families</source>
        <translation>ファミリー</translation>
    </message>
    <message>
        <source>The pattern %1 is not a valid regular expression: %2</source>
        <translation>パターン %1 は有効な正規表現ではありません: %2</translation>
    </message>
    <message>
        <source>The pattern %1 matches no model name</source>
        <translation>パターン %1 に一致するモデル名がありません</translation>
    </message>
    <message numerus="yes">
        <source>Grouped %n family(s) by the pattern %1</source>
        <translation>
            <numerusform>パターン %1 により %n 個のファミリーにグループ化しました</numerusform>
        </translation>
    </message>
    <message>
        <source>Group by pattern</source>
        <translation>パターンでグループ化</translation>
    </message>
    <message>
        <source>A regular expression matched against each model&apos;s name; its first group (in parentheses) names the family, e.g. ^(.*)_run\d+$ puts xent_run1 and xent_run2 into family xent.</source>
        <translation>各モデル名と照合する正規表現です。最初のグループ（括弧内）がファミリー名になります。例えば ^(.*)_run\d+$ は xent_run1 と xent_run2 をファミリー xent にまとめます。</translation>
    </message>
    <message>
        <source>Make these families? Their models leave any other family.&lt;p&gt;%1</source>
        <translation>これらのファミリーを作成しますか？ 対象のモデルは他のファミリーから外れます。&lt;p&gt;%1</translation>
    </message>
    <message>
        <source>New family</source>
        <translation>新しいファミリー</translation>
    </message>
    <message numerus="yes">
        <source>Name of the family of the %n selected model(s):</source>
        <translation>
            <numerusform>選択した %n 個のモデルのファミリー名:</numerusform>
        </translation>
    </message>
    <message>
        <source>New family from selection…</source>
        <translation>選択範囲から新しいファミリーを作成…</translation>
    </message>
    <message>
        <source>Add to family</source>
        <translation>ファミリーに追加</translation>
    </message>
    <message>
        <source>Remove from family</source>
        <translation>ファミリーから削除</translation>
    </message>
    <message>
        <source>Group by pattern…</source>
        <translation>パターンでグループ化…</translation>
    </message>
    <message>
        <source>%1 could not be used as it is: %2
Set what its metadata should say and press OK to add it with them.</source>
        <translation>%1 はそのままでは使用できません: %2
メタデータを設定して OK を押すと、その内容でモデルを追加します。</translation>
    </message>
</context>
<context>
    <name>saliscope::ui::NoiseChartView</name>
    <message>
        <source>Map SSIM to the clean image (small map)</source>
        <translation>元画像とのマップ SSIM（小さなマップ）</translation>
    </message>
    <message>
        <source>Map SSIM to the clean image (upscaled map)</source>
        <translation>元画像とのマップ SSIM（アップスケールしたマップ）</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>正解率</translation>
    </message>
    <message>
        <source>Synthetic score</source>
        <translation>合成スコア</translation>
    </message>
    <message>
        <source>Normalised entropy</source>
        <translation>正規化エントロピー</translation>
    </message>
    <message>
        <source>Value:</source>
        <translation>値:</translation>
    </message>
    <message>
        <source>Salt-and-pepper noise level</source>
        <translation>ごま塩ノイズのレベル</translation>
    </message>
    <message>
        <source>%1 at noise %2: %3 %4 the mean %5</source>
        <translation>%1、ノイズ %2: %3 が平均 %5 を%4</translation>
    </message>
    <message>
        <source>below</source>
        <translation>下回る</translation>
    </message>
    <message>
        <source>above</source>
        <translation>上回る</translation>
    </message>
    <message>
        <source>%1, noise %2
mean %3, SD %4 (%5 values)</source>
        <translation>%1、ノイズ %2
平均 %3、標準偏差 %4（%5 個の値）</translation>
    </message>
    <message>
        <source>Band: ±1 standard deviation. Click a point for the images below (above, for score and entropy) its mean.</source>
        <translation>帯: ±1 標準偏差。点をクリックすると、その平均を下回る（スコアとエントロピーでは上回る）画像を選択します。</translation>
    </message>
</context>
<context>
    <name>saliscope::ui::ProblemListModel</name>
    <message>
        <source>File</source>
        <translation>ファイル</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
</context>
<context>
    <name>saliscope::ProjectSession</name>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>%1 を開けません: %2</translation>
    </message>
    <message>
        <source>%1 is open read-only: %2</source>
        <translation>%1 を読み取り専用で開いています: %2</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>%1 を開きました</translation>
    </message>
    <message>
        <source>Cannot read the models: %1</source>
        <translation>モデルを読み込めません: %1</translation>
    </message>
    <message>
        <source>Cannot read the datasets: %1</source>
        <translation>データセットを読み込めません: %1</translation>
    </message>
    <message>
        <source>Open or create a project before adding a model.</source>
        <translation>モデルを追加する前に、プロジェクトを開くか作成してください。</translation>
    </message>
    <message>
        <source>Loading %1</source>
        <translation>%1 を読み込んでいます</translation>
    </message>
    <message>
        <source>Cannot add model %1: %2</source>
        <translation>モデル %1 を追加できません: %2</translation>
    </message>
    <message>
        <source>Cannot store model %1: %2</source>
        <translation>モデル %1 を保存できません: %2</translation>
    </message>
    <message>
        <source>Added model %1 (%2, CAM layer %3)</source>
        <translation>モデル %1 を追加しました（%2、CAM レイヤー %3）</translation>
    </message>
    <message>
        <source>%1 has no saliscope.json: default metadata (224x224, ImageNet mean/std, classes real/synthetic) are assumed</source>
        <translation>%1 に saliscope.json がありません: 既定のメタデータ（224x224、ImageNet の平均/標準偏差、クラス real/synthetic）を使用します</translation>
    </message>
    <message>
        <source>Open or create a project before adding a dataset.</source>
        <translation>データセットを追加する前に、プロジェクトを開くか作成してください。</translation>
    </message>
    <message>
        <source>Scanning %1</source>
        <translation>%1 をスキャンしています</translation>
    </message>
    <message>
        <source>Cannot add dataset %1: %2</source>
        <translation>データセット %1 を追加できません: %2</translation>
    </message>
    <message>
        <source>%1 set aside: %2</source>
        <translation>%1 を除外しました: %2</translation>
    </message>
    <message>
        <source>Cannot store dataset %1: %2</source>
        <translation>データセット %1 を保存できません: %2</translation>
    </message>
    <message>
        <source>Added dataset %1: %2 images, %3 unreadable</source>
        <translation>データセット %1 を追加しました: 画像 %2 枚、読み込み不可 %3 件</translation>
    </message>
    <message>
        <source>Storing %1</source>
        <translation>%1 を保存しています</translation>
    </message>
    <message>
        <source>Metadata of %1 not saved: %2</source>
        <translation>%1 のメタデータを保存できませんでした: %2</translation>
    </message>
    <message>
        <source>no such model in the open project</source>
        <translation>開いているプロジェクトにそのモデルはありません</translation>
    </message>
    <message>
        <source>Checking %1 with its new metadata</source>
        <translation>新しいメタデータで %1 を確認しています</translation>
    </message>
    <message>
        <source>Saved the metadata of %1 (CAM layer %2); its maps will be computed again</source>
        <translation>%1 のメタデータを保存しました（CAM レイヤー %2）。マップは再計算されます</translation>
    </message>
    <message>
        <source>Open a project before grouping models.</source>
        <translation>モデルをグループ化する前に、プロジェクトを開いてください。</translation>
    </message>
    <message>
        <source>A family needs a name.</source>
        <translation>ファミリーには名前が必要です。</translation>
    </message>
    <message>
        <source>Cannot change family %1: %2</source>
        <translation>ファミリー %1 を変更できません: %2</translation>
    </message>
    <message>
        <source>Cannot change the families: %1</source>
        <translation>ファミリーを変更できません: %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Dataset %1: %2 images with an annotation, %3 with an artefact mask</source>
        <translation>データセット %1: アノテーションのある画像 %2 枚、アーティファクトマスクのある画像 %3 枚</translation>
    </message>
</context>
<context>
    <name>saliscope::ui::ExportDialog</name>
    <message>
        <source>Export results</source>
        <translation>結果をエクスポート</translation>
    </message>
    <message>
        <source>Run %1: %2, %3, %4, %5 rows — %6</source>
        <translation>実行 %1: %2、%3、%4、%5 行 — %6</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>実行</translation>
    </message>
    <message>
        <source>NumPy arrays (.npz)</source>
        <translation>NumPy 配列（.npz）</translation>
    </message>
    <message>
        <source>FiftyOne dataset (folder)</source>
        <translation>FiftyOne データセット（フォルダー）</translation>
    </message>
    <message>
        <source>Salience maps as PNG (folder)</source>
        <translation>PNG のサリエンシーマップ（フォルダー）</translation>
    </message>
    <message>
        <source>Include the salience maps</source>
        <translation>サリエンシーマップを含める</translation>
    </message>
    <message>
        <source>Maps the project does not hold yet are computed, as the viewer computes them</source>
        <translation>プロジェクトにまだないマップは、ビューアーと同じ方法で計算します</translation>
    </message>
    <message>
        <source>Maps at the model&apos;s input size (upscaled)</source>
        <translation>モデルの入力サイズのマップ（拡大）</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>参照…</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>形式:</translation>
    </message>
    <message>
        <source>Output:</source>
        <translation>出力先:</translation>
    </message>
    <message>
        <source>The project has no measure runs yet: run the measures first.</source>
        <translation>プロジェクトにはまだ指標の実行がありません。先に指標を実行してください。</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>エクスポート</translation>
    </message>
    <message>
        <source>NumPy arrays (*.npz)</source>
        <translation>NumPy 配列 (*.npz)</translation>
    </message>
    <message>
        <source>Reading the runs…</source>
        <translation>実行を読み込んでいます…</translation>
    </message>
    <message numerus="yes">
        <source>%n runs, %1 maps (%2 computed)</source>
        <translation>
            <numerusform>%n 件の実行、%1 枚のマップ（うち %2 枚を計算）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n skipped</source>
        <translation>
            <numerusform>、%n 件をスキップ</numerusform>
        </translation>
    </message>
    <message>
        <source>The export failed: %1</source>
        <translation>エクスポートに失敗しました: %1</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>キャンセル済み</translation>
    </message>
    <message>
        <source>Written: %1 (%2)</source>
        <translation>書き出しました: %1（%2）</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>キャンセルしています…</translation>
    </message>
</context>
<context>
    <name>saliscope::ui::ReportDialog</name>
    <message>
        <source>Export report</source>
        <translation>レポートをエクスポート</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>モデル</translation>
    </message>
    <message>
        <source>Measures</source>
        <translation>指標</translation>
    </message>
    <message>
        <source>The project has no results of this measure</source>
        <translation>プロジェクトにこの指標の結果がありません</translation>
    </message>
    <message>
        <source>A4</source>
        <translation>A4</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>レター</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>参照…</translation>
    </message>
    <message>
        <source>Paper size:</source>
        <translation>用紙サイズ:</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>ファイル:</translation>
    </message>
    <message>
        <source>The project has no measure results yet: run the measures first.</source>
        <translation>プロジェクトにはまだ指標の結果がありません。先に指標を実行してください。</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>エクスポート</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Reading the project and computing the gallery&apos;s maps…</source>
        <translation>プロジェクトを読み込み、ギャラリーのマップを計算しています…</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>キャンセル済み</translation>
    </message>
    <message>
        <source>Drawing: %1</source>
        <translation>描画中: %1</translation>
    </message>
    <message>
        <source>The report was not written: %1</source>
        <translation>レポートを書き出せませんでした: %1</translation>
    </message>
    <message>
        <source>Written: %1 (%2 pages)</source>
        <translation>書き出しました: %1（%2 ページ）</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>キャンセルしています…</translation>
    </message>
</context>
<context>
    <name>saliscope::ui::ResultsView</name>
    <message>
        <source>Clear selection</source>
        <translation>選択を解除</translation>
    </message>
    <message>
        <source>Family</source>
        <translation>ファミリー</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>モデル</translation>
    </message>
    <message>
        <source>Results of:</source>
        <translation>結果の対象:</translation>
    </message>
    <message>
        <source>Series per:</source>
        <translation>系列の単位:</translation>
    </message>
    <message>
        <source>Group:</source>
        <translation>グループ:</translation>
    </message>
    <message>
        <source>Show the scorecard and charts of one group&apos;s images (manipulation method, generator or video), or of all of them</source>
        <translation>1 つのグループ（改変手法、生成器または動画）の画像、またはすべての画像のスコアカードとグラフを表示します</translation>
    </message>
    <message>
        <source>All groups</source>
        <translation>すべてのグループ</translation>
    </message>
    <message>
        <source>Entropy</source>
        <translation>エントロピー</translation>
    </message>
    <message>
        <source>Noise</source>
        <translation>ノイズ</translation>
    </message>
    <message>
        <source>Transformations</source>
        <translation>変換</translation>
    </message>
    <message>
        <source>Stability</source>
        <translation>安定性</translation>
    </message>
    <message>
        <source>Degradation</source>
        <translation>劣化</translation>
    </message>
    <message>
        <source>dataset %1</source>
        <translation>データセット %1</translation>
    </message>
    <message>
        <source>%1 (%2 images) — %3 — %4%5</source>
        <translation>%1（%2 枚の画像）— %3 — %4%5</translation>
    </message>
    <message>
        <source>predictions</source>
        <translation>予測</translation>
    </message>
    <message>
        <source> (running)</source>
        <translation>（実行中）</translation>
    </message>
    <message>
        <source>Dataset %1 (%2), runs up to #%3</source>
        <translation>データセット %1（%2）、実行 #%3 まで</translation>
    </message>
    <message>
        <source>Cannot read the measure results: %1</source>
        <translation>指標の結果を読み込めません: %1</translation>
    </message>
    <message>
        <source>%1 — images selected: %2</source>
        <translation>%1 — 選択した画像: %2</translation>
    </message>
    <message>
        <source>Click a bin, bar, box, point or cell to select its images.</source>
        <translation>ビン、棒、箱、点、セルをクリックすると、該当する画像を選択します。</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>CSV を書き出す…</translation>
    </message>
    <message>
        <source>Write the per-image results of these runs as one CSV file per measure, with summary.json, into a folder (the files saliscope-cli export writes)</source>
        <translation>これらの実行の画像ごとの結果を、指標ごとに 1 つの CSV ファイルと summary.json としてフォルダーに書き出します(saliscope-cli export が書くファイル)</translation>
    </message>
    <message>
        <source>Export results to folder</source>
        <translation>結果を書き出すフォルダー</translation>
    </message>
    <message>
        <source>Replace files?</source>
        <translation>ファイルを置き換えますか?</translation>
    </message>
    <message>
        <source>The folder already holds %1. Replace them?</source>
        <translation>フォルダーにはすでに %1 があります。置き換えますか?</translation>
    </message>
    <message>
        <source>There are no results to export.</source>
        <translation>書き出す結果がありません。</translation>
    </message>
    <message>
        <source>Export of the results failed: %1</source>
        <translation>結果の書き出しに失敗しました: %1</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n file(s) to %1</source>
        <translation>
            <numerusform>%n 個のファイルを %1 に書き出しました</numerusform>
        </translation>
    </message>
    <message>
        <source>Split by method</source>
        <translation>手法ごとに分ける</translation>
    </message>
    <message>
        <source>Sanity checks</source>
        <translation>サニティチェック</translation>
    </message>
    <message>
        <source>Videos</source>
        <translation>動画</translation>
    </message>
    <message>
        <source>Show the run sets of this dataset that differ only by salience method side by side: a scorecard row per model and method; a sanity curve, a faithfulness curve and a localisation bar per model and method</source>
        <translation>このデータセットでサリエンシー手法だけが異なる実行セットを並べて表示します: モデルと手法ごとにスコアカードの行を 1 行、モデルと手法ごとにサニティ曲線、忠実性曲線、局在化の棒を表示します</translation>
    </message>
    <message>
        <source>Faithfulness curves</source>
        <translation>忠実性曲線</translation>
    </message>
    <message>
        <source>Localisation</source>
        <translation>局在化</translation>
    </message>
</context>
<context>
    <name>saliscope::ui::SaliencePaneWidget</name>
    <message>
        <source>score %1</source>
        <translation>スコア %1</translation>
    </message>
    <message>
        <source>entropy %1</source>
        <translation>エントロピー %1</translation>
    </message>
    <message>
        <source>no prediction yet</source>
        <translation>予測はまだありません</translation>
    </message>
    <message>
        <source>computing map…</source>
        <translation>マップを計算中…</translation>
    </message>
    <message>
        <source>no map: %1</source>
        <translation>マップなし: %1</translation>
    </message>
    <message>
        <source>%1 under %2</source>
        <translation>%1（%2）</translation>
    </message>
</context>
<context>
    <name>saliscope::ui::SalienceViewerWidget</name>
    <message>
        <source>Colormap of the salience maps</source>
        <translation>サリエンシーマップのカラーマップ</translation>
    </message>
    <message>
        <source>Opacity of the maps</source>
        <translation>マップの不透明度</translation>
    </message>
    <message>
        <source>Upscaled</source>
        <translation>アップスケール</translation>
    </message>
    <message>
        <source>Show the bicubic upscaled map instead of the small map&apos;s cells</source>
        <translation>小さなマップのセルの代わりに、バイキュービック補間でアップスケールしたマップを表示します</translation>
    </message>
    <message>
        <source>Contours</source>
        <translation>等高線</translation>
    </message>
    <message>
        <source>Annotation</source>
        <translation>アノテーション</translation>
    </message>
    <message>
        <source>Outline the human annotation, when the image has one</source>
        <translation>画像に人間によるアノテーションがある場合、その輪郭を表示します</translation>
    </message>
    <message>
        <source>Sync zoom</source>
        <translation>ズームを同期</translation>
    </message>
    <message>
        <source>Zoom and pan every pane together</source>
        <translation>すべてのペインを連動してズーム・パンします</translation>
    </message>
    <message>
        <source>Auto</source>
        <translation>自動</translation>
    </message>
    <message numerus="yes">
        <source>%n column(s)</source>
        <translation>
            <numerusform>%n 列</numerusform>
        </translation>
    </message>
    <message>
        <source>Colormap</source>
        <translation>カラーマップ</translation>
    </message>
    <message>
        <source>Opacity</source>
        <translation>不透明度</translation>
    </message>
    <message>
        <source>Add a model (Models dock) to see its salience maps here.</source>
        <translation>ここにサリエンシーマップを表示するには、モデルを追加してください（モデル ドック）。</translation>
    </message>
    <message>
        <source>The viewer shows the first %1 of %2 models</source>
        <translation>ビューアーには %2 個のモデルのうち最初の %1 個を表示しています</translation>
    </message>
    <message>
        <source>&lt;i&gt;No image selected&lt;/i&gt;</source>
        <translation>&lt;i&gt;画像が選択されていません&lt;/i&gt;</translation>
    </message>
    <message>
        <source>&lt;i&gt;Open a project (File menu)&lt;/i&gt;</source>
        <translation>&lt;i&gt;プロジェクトを開いてください（ファイル メニュー）&lt;/i&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; &amp;nbsp; true class: &lt;b&gt;%2&lt;/b&gt; &amp;nbsp; &lt;span style=&apos;color:gray&apos;&gt;%3&lt;/span&gt;</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; &amp;nbsp; 正解クラス: &lt;b&gt;%2&lt;/b&gt; &amp;nbsp; &lt;span style=&apos;color:gray&apos;&gt;%3&lt;/span&gt;</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>不明</translation>
    </message>
    <message>
        <source>Add pane</source>
        <translation>ペインを追加</translation>
    </message>
    <message>
        <source>Add a pane: show a model under another salience method, side by side</source>
        <translation>ペインを追加します: モデルを別のサリエンシー手法で並べて表示します</translation>
    </message>
    <message>
        <source>The model this pane shows</source>
        <translation>このペインに表示するモデル</translation>
    </message>
    <message>
        <source>The salience method of this pane&apos;s map</source>
        <translation>このペインのマップのサリエンシー手法</translation>
    </message>
    <message>
        <source>Remove this pane</source>
        <translation>このペインを削除</translation>
    </message>
    <message>
        <source>%1 map of %2 by %3 failed: %4</source>
        <translation>モデル %3 による画像 %2 の %1 マップの計算に失敗しました: %4</translation>
    </message>
</context>
<context>
    <name>saliscope::ui::ScorecardModel</name>
    <message>
        <source>%1 (family)</source>
        <translation>%1（ファミリー）</translation>
    </message>
    <message>
        <source>Flat maps ↓</source>
        <translation>平坦なマップ ↓</translation>
    </message>
    <message>
        <source>Clean images whose map is flat (no defined salience). Every entropy or SSIM that involves a flat map is left out of the numbers; a cell&apos;s tooltip says how many rows it left out.</source>
        <translation>マップが平坦な（サリエンシーが定義されない）クリーン画像の数。平坦なマップが関わるエントロピーや SSIM はすべて数値から除外されます。各セルのツールチップに除外された行数が表示されます。</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) with a flat map (no defined salience) left out of this number.</source>
        <translation>
            <numerusform>平坦なマップ（サリエンシーが定義されない）を含む %n 行がこの数値から除外されています。</numerusform>
        </translation>
    </message>
    <message>
        <source>Model or family</source>
        <translation>モデルまたはファミリー</translation>
    </message>
    <message>
        <source>Family</source>
        <translation>ファミリー</translation>
    </message>
    <message>
        <source>Accuracy ↑</source>
        <translation>正解率 ↑</translation>
    </message>
    <message>
        <source>ROC AUC ↑</source>
        <translation>ROC AUC ↑</translation>
    </message>
    <message>
        <source>Entropy</source>
        <translation>エントロピー</translation>
    </message>
    <message>
        <source>In annotation ↑</source>
        <translation>アノテーション内 ↑</translation>
    </message>
    <message>
        <source>Noise SSIM area ↑</source>
        <translation>ノイズ SSIM 面積 ↑</translation>
    </message>
    <message>
        <source>Transform SSIM ↑</source>
        <translation>変換 SSIM ↑</translation>
    </message>
    <message>
        <source>Stability SSIM ↑</source>
        <translation>安定性 SSIM ↑</translation>
    </message>
    <message>
        <source>Faithfulness ↑</source>
        <translation>忠実性 ↑</translation>
    </message>
    <message>
        <source>Family rows show the mean of their members; stability is the family&apos;s own.</source>
        <translation>ファミリーの行はメンバーの平均を示します。安定性はファミリー自体の値です。</translation>
    </message>
    <message>
        <source>Share of images classified correctly. Higher is better.</source>
        <translation>正しく分類された画像の割合。高いほど良い。</translation>
    </message>
    <message>
        <source>Area under the ROC curve of the synthetic score. Higher is better.</source>
        <translation>合成スコアの ROC 曲線の下側の面積。高いほど良い。</translation>
    </message>
    <message>
        <source>Mean normalised entropy of the 8-bit salience map. Lower means salience on fewer, more distinct regions; neither direction is better in itself.</source>
        <translation>8 ビットのサリエンシーマップの正規化エントロピーの平均。低いほど、サリエンシーが少数のより明確な領域に集中しています。どちらの方向もそれ自体が良いわけではありません。</translation>
    </message>
    <message>
        <source>Mean share of salience inside the human annotation. Higher: the model looks where people look.</source>
        <translation>人間によるアノテーション内に含まれるサリエンシーの割合の平均。高いほど、モデルが人間と同じ場所を見ています。</translation>
    </message>
    <message>
        <source>Area under the map-SSIM curve over the noise levels. Higher: maps change less under noise.</source>
        <translation>ノイズレベルに対するマップ SSIM 曲線の下側の面積。高いほど、ノイズによるマップの変化が小さくなります。</translation>
    </message>
    <message>
        <source>Mean SSIM between a transformed image&apos;s map and the transformed original map. Higher: the map follows the image.</source>
        <translation>変換した画像のマップと、変換した元のマップとの SSIM の平均。高いほど、マップが画像に追従しています。</translation>
    </message>
    <message>
        <source>Mean SSIM between the maps of the family&apos;s independently trained models. Higher: more stable across training runs.</source>
        <translation>ファミリー内で独立に学習したモデルのマップ間の SSIM の平均。高いほど、学習実行間で安定しています。</translation>
    </message>
    <message>
        <source>Score drop when the salient object is blurred minus the drop when the background is. Higher: the model relies on what its maps show.</source>
        <translation>顕著な物体をぼかしたときのスコア低下から、背景をぼかしたときの低下を引いた値。高いほど、モデルがマップに示された領域に依存しています。</translation>
    </message>
    <message>
        <source>pass</source>
        <translation>合格</translation>
    </message>
    <message>
        <source>fail</source>
        <translation>不合格</translation>
    </message>
    <message>
        <source>%1% pass</source>
        <translation>%1% 合格</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>手法</translation>
    </message>
    <message>
        <source>Sanity Spearman ↓</source>
        <translation>サニティ Spearman ↓</translation>
    </message>
    <message>
        <source>Sanity check</source>
        <translation>サニティチェック</translation>
    </message>
    <message>
        <source>The salience method the row&apos;s maps were made with.</source>
        <translation>この行のマップを作成したサリエンシー手法。</translation>
    </message>
    <message>
        <source>Mean Spearman rank correlation between the maps of the fully randomised model and the model&apos;s own maps. Lower: the maps depend on what the model learned.</source>
        <translation>完全にランダム化したモデルのマップと元のモデルのマップとの Spearman 順位相関の平均。低いほど、マップはモデルが学習した内容に依存しています。</translation>
    </message>
    <message>
        <source>Cascading randomisation test: passes when the mean Spearman correlation of the fully randomised model&apos;s maps is below %1.</source>
        <translation>段階的ランダム化テスト: 完全にランダム化したモデルのマップの Spearman 相関の平均が %1 未満なら合格。</translation>
    </message>
    <message>
        <source>Deletion AUC ↓</source>
        <translation>削除 AUC ↓</translation>
    </message>
    <message>
        <source>Insertion AUC ↑</source>
        <translation>挿入 AUC ↑</translation>
    </message>
    <message>
        <source>ROAD MoRF AUC ↓</source>
        <translation>ROAD MoRF AUC ↓</translation>
    </message>
    <message>
        <source>ROAD LeRF AUC ↑</source>
        <translation>ROAD LeRF AUC ↑</translation>
    </message>
    <message>
        <source>Pointing (annotation) ↑</source>
        <translation>ポインティング（アノテーション）↑</translation>
    </message>
    <message>
        <source>Rank (annotation) ↑</source>
        <translation>順位（アノテーション）↑</translation>
    </message>
    <message>
        <source>Pixel AUC (annotation) ↑</source>
        <translation>画素 AUC（アノテーション）↑</translation>
    </message>
    <message>
        <source>Pointing (mask) ↑</source>
        <translation>ポインティング（マスク）↑</translation>
    </message>
    <message>
        <source>Mass (mask) ↑</source>
        <translation>質量（マスク）↑</translation>
    </message>
    <message>
        <source>Rank (mask) ↑</source>
        <translation>順位（マスク）↑</translation>
    </message>
    <message>
        <source>Pixel AUC (mask) ↑</source>
        <translation>画素 AUC（マスク）↑</translation>
    </message>
    <message>
        <source>Deletion (Petsiuk et al., RISE, BMVC 2018): mean area under the class probability as the most salient pixels are replaced by the baseline first. Lower is better: a faithful map names the pixels whose removal makes the probability fall fastest.</source>
        <translation>削除（Petsiuk ら、RISE、BMVC 2018）: 最も顕著な画素から順にベースラインに置き換えたときのクラス確率の曲線下面積の平均。低いほど良い値です。忠実なマップは、除去すると確率が最も速く下がる画素を示します。</translation>
    </message>
    <message>
        <source>Insertion (RISE): mean area under the class probability as the most salient pixels are restored first from the baseline. Higher is better: the probability rises fast.</source>
        <translation>挿入（RISE）: ベースラインから最も顕著な画素を順に復元したときのクラス確率の曲線下面積の平均。高いほど良い値です（確率が速く上がる）。</translation>
    </message>
    <message>
        <source>ROAD (Rong et al., ICML 2022), most relevant first: mean area under the probability as the most salient pixels are removed by noisy linear imputation. Lower is better.</source>
        <translation>ROAD（Rong ら、ICML 2022）、関連度の高い順: 最も顕著な画素からノイズ付き線形補完で除去したときの確率の曲線下面積の平均。低いほど良い値です。</translation>
    </message>
    <message>
        <source>ROAD, least relevant first: mean area under the probability as the least salient pixels are removed by noisy linear imputation. Higher is better: what the map calls unimportant is.</source>
        <translation>ROAD、関連度の低い順: 最も顕著でない画素からノイズ付き線形補完で除去したときの確率の曲線下面積の平均。高いほど良い値です（マップが重要でないとする画素は実際に重要でない）。</translation>
    </message>
    <message>
        <source>Pointing game against the human annotation: share of images whose map maximum lies inside the annotation. Higher is better.</source>
        <translation>人間によるアノテーションに対するポインティングゲーム: マップの最大値がアノテーション内にある画像の割合。高いほど良い値です。</translation>
    </message>
    <message>
        <source>Relevance rank accuracy against the human annotation: share of the map&apos;s top pixels (as many as the annotation has) that lie inside it. Higher is better.</source>
        <translation>人間によるアノテーションに対する関連度順位の正確さ: マップの上位の画素（アノテーションと同じ数）のうちアノテーション内にある割合。高いほど良い値です。</translation>
    </message>
    <message>
        <source>ROC AUC of the map&apos;s values as a pixel classifier of the human annotation (0.5: chance). Higher is better.</source>
        <translation>人間によるアノテーションの画素分類器としてのマップの値の ROC AUC（0.5 は偶然）。高いほど良い値です。</translation>
    </message>
    <message>
        <source>Pointing game against the exact artefact mask: share of images whose map maximum lies inside the mask. Higher is better.</source>
        <translation>正確なアーティファクトマスクに対するポインティングゲーム: マップの最大値がマスク内にある画像の割合。高いほど良い値です。</translation>
    </message>
    <message>
        <source>Relevance mass accuracy against the exact artefact mask: mean share of salience inside the mask. Higher is better.</source>
        <translation>正確なアーティファクトマスクに対する関連度質量の正確さ: マスク内にあるサリエンシーの割合の平均。高いほど良い値です。</translation>
    </message>
    <message>
        <source>Relevance rank accuracy against the exact artefact mask: share of the map&apos;s top pixels (as many as the mask has) that lie inside it. Higher is better.</source>
        <translation>正確なアーティファクトマスクに対する関連度順位の正確さ: マップの上位の画素（マスクと同じ数）のうちマスク内にある割合。高いほど良い値です。</translation>
    </message>
    <message>
        <source>ROC AUC of the map&apos;s values as a pixel classifier of the exact artefact mask (0.5: chance). Higher is better.</source>
        <translation>正確なアーティファクトマスクの画素分類器としてのマップの値の ROC AUC（0.5 は偶然）。高いほど良い値です。</translation>
    </message>
</context>
<context>
    <name>saliscope::ui::ScorecardWidget</name>
    <message>
        <source>↑ higher is better; green is the best value of a column, red the worst (entropy: blue, darker is higher). Family rows (bold, at the top) average their members. Hover a header for its meaning; click a cell to see that measure&apos;s charts.</source>
        <translation>↑ は高いほど良いことを示します。緑は列内で最良の値、赤は最悪の値です（エントロピーは青で、濃いほど高い値）。ファミリーの行（太字、上部に固定）はメンバーの平均です。ヘッダーにカーソルを合わせると意味を表示し、セルをクリックするとその指標のグラフを表示します。</translation>
    </message>
</context>
<context>
    <name>saliscope::ui::SkippedListModel</name>
    <message>
        <source>(see reason)</source>
        <translation>（理由を参照）</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>画像</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
</context>
<context>
    <name>saliscope::ui::StabilityChartView</name>
    <message>
        <source>Per-image mean of the pairwise SSIM</source>
        <translation>画像ごとのペアワイズ SSIM の平均</translation>
    </message>
    <message>
        <source>Every pairwise SSIM</source>
        <translation>すべてのペアワイズ SSIM</translation>
    </message>
    <message>
        <source>Histogram:</source>
        <translation>ヒストグラム:</translation>
    </message>
    <message>
        <source>Matrix of family:</source>
        <translation>行列のファミリー:</translation>
    </message>
    <message>
        <source>Low SSIM = the runs disagree on the map. Click a bin or a cell for its images.</source>
        <translation>SSIM が低い = 実行間でマップが一致していません。ビンまたはセルをクリックすると該当する画像を表示します。</translation>
    </message>
    <message>
        <source>images</source>
        <translation>画像</translation>
    </message>
    <message>
        <source>model pairs × images</source>
        <translation>モデルのペア × 画像</translation>
    </message>
    <message>
        <source>mean SSIM</source>
        <translation>SSIM の平均</translation>
    </message>
    <message>
        <source>%1 vs %2: map SSIM below the pair&apos;s mean %3</source>
        <translation>%1 対 %2: マップ SSIM がペアの平均 %3 を下回る</translation>
    </message>
    <message>
        <source>%1: stability SSIM in [%2, %3)</source>
        <translation>%1: 安定性 SSIM が [%2, %3) の範囲</translation>
    </message>
    <message>
        <source>%1 vs %2
mean SSIM %3 over %4 images
Click for the images below the mean</source>
        <translation>%1 対 %2
%4 枚の画像での SSIM の平均 %3
クリックすると平均を下回る画像を表示します</translation>
    </message>
    <message>
        <source>%1
[%2, %3): %4 values, %5 images
Click to show them</source>
        <translation>%1
[%2, %3): %4 個の値、%5 枚の画像
クリックすると表示します</translation>
    </message>
</context>
<context>
    <name>saliscope::ui::TransformChartView</name>
    <message>
        <source>SSIM between the transformed image&apos;s upscaled map and the transformed original map (1 = the map follows the image). Click a bar for the images below its mean, a bin for its images.</source>
        <translation>変換した画像のアップスケールしたマップと、変換した元のマップとの SSIM（1 = マップが画像に追従）。棒をクリックするとその平均を下回る画像を、ビンをクリックするとそのビンの画像を表示します。</translation>
    </message>
    <message>
        <source>Mean map SSIM</source>
        <translation>マップ SSIM の平均</translation>
    </message>
    <message>
        <source>Map SSIM (every transformation)</source>
        <translation>マップ SSIM（全変換）</translation>
    </message>
    <message>
        <source>maps (image × transformation × model)</source>
        <translation>マップ（画像 × 変換 × モデル）</translation>
    </message>
    <message>
        <source>%1, %2: map SSIM below the mean %3</source>
        <translation>%1、%2: マップ SSIM が平均 %3 を下回る</translation>
    </message>
    <message>
        <source>%1: transformation map SSIM in [%2, %3)</source>
        <translation>%1: 変換のマップ SSIM が [%2, %3) の範囲</translation>
    </message>
    <message>
        <source>%1, %2
mean SSIM %3, SD %4 (%5 values)</source>
        <translation>%1、%2
SSIM の平均 %3、標準偏差 %4（%5 個の値）</translation>
    </message>
    <message>
        <source>%1
[%2, %3): %4 values</source>
        <translation>%1
[%2, %3): %4 個の値</translation>
    </message>
</context>
<context>
    <name>saliscope::ui::SanityChartView</name>
    <message>
        <source>Spearman rank correlation with the model&apos;s own map</source>
        <translation>元のモデルのマップとの Spearman 順位相関</translation>
    </message>
    <message>
        <source>SSIM with the model&apos;s own map (small maps)</source>
        <translation>元のモデルのマップとの SSIM（小マップ）</translation>
    </message>
    <message>
        <source>Similarity:</source>
        <translation>類似度:</translation>
    </message>
    <message>
        <source>Step 1 re-initialises the head, the last step every block. A method that explains the model gives maps that grow less similar as more is randomised; it passes when the mean Spearman correlation at the last step is below %1 (dashed line). Triangles: the random-logit test (the map of another class). Band: ±1 standard deviation. Click a point for its images.</source>
        <translation>ステップ 1 は出力層を、最後のステップは全ブロックを再初期化します。モデルを説明する手法では、ランダム化が進むほどマップが似なくなります。最後のステップでの Spearman 相関の平均が %1 未満（破線）なら合格です。三角形: ランダムロジットテスト（別のクラスのマップ）。帯: ±1 標準偏差。点をクリックするとその画像を表示します。</translation>
    </message>
    <message>
        <source>Methods: %1</source>
        <translation>手法: %1</translation>
    </message>
    <message>
        <source>Cascading randomisation step (from the head down)</source>
        <translation>段階的ランダム化のステップ（出力側から順に）</translation>
    </message>
    <message>
        <source>random logit</source>
        <translation>ランダムロジット</translation>
    </message>
    <message>
        <source>%1, random-logit test: mean %2 %3</source>
        <translation>%1、ランダムロジットテスト: %2 の平均 %3</translation>
    </message>
    <message>
        <source>%1, randomisation step %2: mean %3 %4</source>
        <translation>%1、ランダム化ステップ %2: %3 の平均 %4</translation>
    </message>
    <message>
        <source>step %1</source>
        <translation>ステップ %1</translation>
    </message>
    <message>
        <source>%1, %2
mean %3, SD %4 (%5 values)</source>
        <translation>%1、%2
平均 %3、標準偏差 %4（%5 個の値）</translation>
    </message>
    <message>
        <source>Mean Spearman correlation</source>
        <translation>Spearman 相関の平均</translation>
    </message>
    <message>
        <source>Mean map SSIM</source>
        <translation>マップ SSIM の平均</translation>
    </message>
</context>
<context>
    <name>saliscope::ui::VideoTableView</name>
    <message>
        <source>Model</source>
        <translation>モデル</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>動画</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>ラベル</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>グループ</translation>
    </message>
    <message>
        <source>Frames</source>
        <translation>フレーム数</translation>
    </message>
    <message>
        <source>Video score</source>
        <translation>動画スコア</translation>
    </message>
    <message>
        <source>Predicted</source>
        <translation>予測</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>正誤</translation>
    </message>
    <message>
        <source>Frame accuracy</source>
        <translation>フレーム正解率</translation>
    </message>
    <message>
        <source>Click a video to select its frames in the image list</source>
        <translation>動画をクリックすると、そのフレームを画像一覧で選択します</translation>
    </message>
    <message>
        <source>%1: %2 videos (%3 labelled), video-level accuracy %4, ROC AUC %5</source>
        <translation>%1: 動画 %2 本（ラベル付き %3 本）、動画単位の正解率 %4、ROC AUC %5</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>不明</translation>
    </message>
    <message>
        <source>right</source>
        <translation>正解</translation>
    </message>
    <message>
        <source>wrong</source>
        <translation>不正解</translation>
    </message>
    <message>
        <source>These results have no video frames.</source>
        <translation>この結果には動画のフレームがありません。</translation>
    </message>
    <message>
        <source>video %1</source>
        <translation>動画 %1</translation>
    </message>
</context>
</TS>
