"""강의 책(정적 웹사이트)의 Sphinx 설정. `python -m scripts.make_book`가 이 폴더를 원본 노트북과 함께 모아 빌드합니다.

노트북은 다시 실행하지 않고 저장된 출력을 그대로 씁니다. 바깥 주소에서 아무것도 읽지 않도록
MathJax는 `_static/mathjax/`(npm 패키지 mathjax@3에서 복사), 글꼴은 테마에 들어 있는 것과 시스템 글꼴만 씁니다.
"""

project = "코드로 배우는 합성곱 신경망"
author = "cnn-course-ko"
language = "ko"
copyright = "cnn-course-ko, 코드 MIT"

# githubpages: GitHub Pages가 밑줄(_static)로 시작하는 폴더를 버리지 않게 .nojekyll을 씁니다.
extensions = ["myst_nb", "sphinx.ext.githubpages"]
root_doc = "index"
exclude_patterns = ["_build", "**.ipynb_checkpoints", "README.md"]

# 노트북: 실행하지 않고, 탐색기(위젯)의 저장된 첫 화면 그림(PNG)을 보여 줍니다. 위젯 스크립트는 바깥(CDN)에서
# 읽어야 하고 커널 없이는 움직이지도 않으므로 넣지 않습니다.
nb_execution_mode = "off"
nb_ipywidgets_js = {}
nb_mime_priority_overrides = [("html", "application/vnd.jupyter.widget-view+json", None)]
myst_enable_extensions = ["dollarmath", "amsmath", "colon_fence"]
myst_heading_anchors = 3
suppress_warnings = ["myst.header"]

# 수식: 로컬 MathJax 3 (SVG 출력이라 글꼴 파일이 따로 필요 없습니다)
mathjax_path = "mathjax/tex-svg-full.js"
mathjax3_config = {"options": {"enableMenu": False}}

html_theme = "sphinx_book_theme"
html_title = project
html_static_path = ["_static"]
html_js_files = ["fold-more.js"]
html_css_files = ["book.css"]
html_last_updated_fmt = None
html_copy_source = True
# 검색 결과 아래의 본문 발췌는 쪽 파일을 fetch로 읽는데, file://로 연 책에서는 브라우저가 막습니다: 쪽 제목만 보입니다.
html_show_search_summary = False
# 밝은 화면으로 시작합니다 (file://에서는 저장된 설정이 없어 테마가 콘솔에 오류를 씁니다).
html_context = {"default_mode": "light"}
html_theme_options = {
    # 'repository_url'과 Colab 실행 단추는 make_book.py가 pyproject.toml의 저장소 주소로 채웁니다.
    "use_download_button": True,
    "use_fullscreen_button": False,
    "use_repository_button": False,
    "show_toc_level": 2,
    "navigation_with_keys": False,
    "launch_buttons": {"colab_url": "https://colab.research.google.com", "notebook_interface": "jupyterlab"},
    "path_to_docs": "",
    "repository_branch": "main",
}
