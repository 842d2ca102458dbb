"""What a saved page says of itself: its own headline, its publication date, its body (ingest.page_facts)."""

from __future__ import annotations

from helpers.ingest import page_facts as pf
from helpers.ingest.webpage import extract_page

_BODY = "".join(f"<p>这是正文的第{n}段，说明某公司今天发布了新的芯片产品并公布了价格。</p>" for n in range(6))


def _page(head: str = "", body: str = "") -> str:
    return f"<html><head>{head}</head><body>{body}</body></html>"


def test_the_pages_own_headline_wins_over_a_related_storys():
    html = _page("<title>某公司发布新款芯片产品</title>",
                 "<h2>某公司发布新款芯片产品</h2>" + _BODY + "<h2>作者最新文章</h2><p>另一篇完全无关的文章标题在这里</p>")
    facts = pf.read_facts(html)
    assert pf.page_title(facts, extracted="另一篇完全无关的文章标题在这里") == "某公司发布新款芯片产品"


def test_a_site_suffix_is_cut_but_a_headline_is_not():
    assert pf.strip_site("某公司发布新款芯片产品_某某新闻网") == "某公司发布新款芯片产品"
    assert pf.strip_site("某公司发布新款芯片产品 - 科技频道") == "某公司发布新款芯片产品"
    assert pf.strip_site("某公司发布新款芯片产品|财经日报", sitename="财经日报") == "某公司发布新款芯片产品"
    assert pf.strip_site("中美-芯片之争的下一步") == "中美-芯片之争的下一步"  # too little would be left
    # A heading that ends where the <title> goes on without a separator was cut: the <title> is whole.
    html = _page('<title>多地项目接连停工 某集团"暗伤"浮现？_某某网</title>', "<h1>多地项目接连停工 某集团</h1>" + _BODY)
    assert pf.page_title(pf.read_facts(html)) == '多地项目接连停工 某集团"暗伤"浮现？'
    # A <title> that adds a column name after a separator: the heading is whole.
    html = _page("<title>某公司发布新款芯片产品|数码</title>", "<h1>某公司发布新款芯片产品</h1>" + _BODY)
    assert pf.page_title(pf.read_facts(html)) == "某公司发布新款芯片产品"


def test_the_date_comes_from_the_pages_structured_data_before_a_related_storys_time():
    html = _page('<script type="application/ld+json">{"@context": "x", "pubDate": "2019-09-05T11:10:52"}</script>',
                 "<h1>某公司发布新款芯片产品</h1><p>2019-09-05 11:10 某某网</p>" + _BODY
                 + "<h5>一篇相关文章</h5><p><time>2019-09-04</time></p>")
    assert pf.page_date(pf.read_facts(html), extracted="2019-09-04") == ("2019-09-05", "page metadata")


def test_a_two_digit_year_is_never_read_day_first():
    html = _page('<meta itemprop="dateUpdate" content="2018-03-08 23:16:24">',
                 "<h2>某公司发布新款芯片产品</h2><p>发布时间：18-03-08</p>" + _BODY)
    # The extractor's 2008-03-18 loses to the page's own dated field (an update: nothing better is there).
    assert pf.page_date(pf.read_facts(html), extracted="2008-03-18") == ("2018-03-08", "page metadata (updated)")


def test_a_byline_after_the_headline_dates_a_page_without_structured_data():
    html = _page("", "<p>2017年1月1日 网站首页</p><h1>某公司发布新款芯片产品</h1><p>2019年9月26日 15:10 来源：某报</p>"
                 + _BODY)
    assert pf.page_date(pf.read_facts(html)) == ("2019-09-26", "page byline")
    named = _page('<meta name="firstpublishedtime" content="2007-08-20-23:59:59">'
                  '<meta name="others" content="页面生成时间 2023-10-23">', _BODY)
    assert pf.page_date(pf.read_facts(named))[0] == "2007-08-20"


def test_the_body_is_the_first_run_of_text_after_the_headline_not_a_longer_list_below_it():
    links = "".join(f"<li>推荐阅读第{n}条：另一件不相干的事情发生了变化</li>" for n in range(30))
    html = _page("<title>某公司发布新款芯片产品</title>",
                 "<ul><li>首页</li><li>新闻</li></ul><h1>某公司发布新款芯片产品</h1>" + _BODY + "<h3>推荐</h3><ul>"
                 + links + "</ul>")
    block = pf.largest_block(pf.read_facts(html))
    assert block.startswith("这是正文的第0段") and "推荐阅读" not in block and block.count("\n") == 5


def test_an_article_the_extractor_drops_as_boilerplate_is_kept():
    # One container of text lines between images, after a short headline: the shape of a WeChat article.
    lines = "".join(f"<section>这是正文的第{n}段，说明某公司今天发布了新的芯片产品。<img src='x{n}.png'></section>"
                    for n in range(8))
    html = _page("<title>某公司发布新款芯片产品</title>",
                 "<h1>某公司发布新款芯片产品</h1><div id='content'>" + lines + "</div><p>微信扫一扫</p>")
    text = extract_page(html).text
    assert text.count("这是正文的第") == 8


def test_a_wechat_page_is_dated_by_its_inline_script_time():
    # The byline says only 昨天; the publish time is a unix-seconds variable in an inline script.
    script = '<script>var svr_time = "1600100000" * 1; var ct = "1600030000"; var nickname = "某号";</script>'
    html = _page("<title>某公司发布新款芯片产品</title>",
                 "<h1>某公司发布新款芯片产品</h1><p>某号 <em id='publish_time'>昨天</em></p>" + _BODY + script)
    # 20:46 UTC on 13 September 2020 is 04:46 on the 14th in China Standard Time.
    assert pf.page_date(pf.read_facts(html)) == ("2020-09-14", "page script")
    # A date string in a script variable, and milliseconds, are read too.
    dated = _page("", _BODY + '<script>window.publish_time = "2021-07-09 10:00";</script>')
    assert pf.page_date(pf.read_facts(dated)) == ("2021-07-09", "page script")
    millis = _page("", _BODY + "<script>var data = {pubTime: 1625796000000};</script>")
    assert pf.page_date(pf.read_facts(millis))[0] == "2021-07-09"


def test_a_script_date_is_used_only_without_structured_data_and_only_when_it_can_be_a_time():
    script = '<script>var ct = "1600030000";</script>'
    html = _page('<meta property="article:published_time" content="2020-02-10T08:00:00+08:00">' + script, _BODY)
    assert pf.page_date(pf.read_facts(html)) == ("2020-02-10", "page metadata")
    # A dated byline under the headline is the page's own; a script may hold a feed of other stories.
    html = _page("", "<h1>某公司发布新款芯片产品</h1><p>2020-02-09 10:00 来源：某报</p>" + _BODY
                 + '<script>var feed = [{"publish_time": "2020-02-01"}];</script>')
    assert pf.page_date(pf.read_facts(html)) == ("2020-02-09", "page byline")
    # `ct` as a count, a far-future or pre-web number, and script text outside a variable are no dates.
    for body in ('<script>var ct = "12";</script>', '<script>var ct = "9999999999";</script>',
                 '<script>var ct = "0000000001";</script>', '<script>// published 2019-01-01</script>',
                 '<script>var ct = "2019-01-01";</script>'):
        assert pf.page_date(pf.read_facts(_page("", _BODY + body))) == ("", ""), body
    # Visible text that looks like a script variable is not read as one.
    assert pf.read_facts(_page("", '<p>var ct = "1600030000"</p>' + _BODY)).script_dates == []


def test_a_site_suffix_is_cut_when_the_page_names_its_site():
    # By the text of the page's link to its own home page (no site word in the suffix).
    home = '<a href="https://www.example-site.com/">电子技术设计</a><a href="https://www.example-site.com/a/1.html">x</a>'
    html = _page("<title>某公司发布新款芯片产品，性能超过同类-某刊 电子技术设计</title>", home + _BODY)  # no heading
    assert pf.page_title(pf.read_facts(html)) == "某公司发布新款芯片产品，性能超过同类"
    # By a Latin word of its domain's name, after any of the usual separators.
    for sep in ("-", "_", " | ", " – ", " — ", "·", "｜"):
        html = _page(f"<title>某公司发布新款芯片产品，性能超过同类{sep}ABCD 设计天地</title>",
                     '<a href="https://www.abcdchina.com/news/1.html">x</a>' + _BODY)
        assert pf.page_title(pf.read_facts(html)) == "某公司发布新款芯片产品，性能超过同类", sep
    # By og:site_name.
    html = _page('<title>某公司发布新款芯片产品，性能超过同类 · 芯事汇</title><meta property="og:site_name" content="芯事汇">',
                 _BODY)
    assert pf.page_title(pf.read_facts(html)) == "某公司发布新款芯片产品，性能超过同类"
    # A link to another site's home page names that site, not this one: the headline's second half stays.
    other = '<a href="https://www.court.example.org/">最高人民法院</a>' + '<a href="https://www.mysite.com/1">x</a>' * 3
    title = "中美芯片之争 - 最高人民法院裁定某案"
    html = _page(f"<title>{title}</title>", other + f"<h1>{title}</h1>" + _BODY)
    assert pf.page_title(pf.read_facts(html)) == title


def test_a_headline_in_a_styled_block_anchors_the_byline_and_a_body_paragraph_does_not_date_the_page():
    # No h1/h2: the block that is the <title> is the headline; its byline dates the page.
    html = _page("<title>某公司发布新款芯片产品_某某网</title>",
                 "<div>首页 新闻动态</div><div class='title'>某公司发布新款芯片产品</div>"
                 "<div>来源：本站 时间：2021年11月5日 08:30</div>" + _BODY)
    facts = pf.read_facts(html)
    assert facts.paragraphs[facts.heading_at] == "某公司发布新款芯片产品"
    assert pf.page_date(facts) == ("2021-11-05", "page byline")
    # The first paragraph of the body opens with the day of the event: not the page's date.
    story = "<h1>某公司发布新款芯片产品</h1><p>来源：某办事处</p><p>2021年3月4日上午，" + "某公司的代表一行到园区考察调研，" * 6 + "</p>"
    assert pf.page_date(pf.read_facts(_page("", story + _BODY))) == ("", "")
