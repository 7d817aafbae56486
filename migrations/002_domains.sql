-- The fifteen statutory domains ("4+11"); version 1 of each. Exploratory (等外) domains are
-- added by an admin with statutory = false.
INSERT INTO domains (code, version, name, basis, statutory, allows_administrative, allows_civil, min_level, in_force_from) VALUES
  ('ecology', 1, '生态环境和资源保护', '《中华人民共和国行政诉讼法》第二十五条第四款；《中华人民共和国民事诉讼法》第五十八条', true, true, true, 'district', '2017-07-01'),
  ('food_drug', 1, '食品药品安全', '《中华人民共和国行政诉讼法》第二十五条第四款；《中华人民共和国民事诉讼法》第五十八条', true, true, true, 'district', '2017-07-01'),
  ('state_assets', 1, '国有财产保护', '《中华人民共和国行政诉讼法》第二十五条第四款', true, true, false, 'district', '2017-07-01'),
  ('state_land', 1, '国有土地使用权出让', '《中华人民共和国行政诉讼法》第二十五条第四款', true, true, false, 'district', '2017-07-01'),
  ('heroes', 1, '英雄烈士保护', '《中华人民共和国英雄烈士保护法》第二十五条', true, false, true, 'district', '2018-05-01'),
  ('minors', 1, '未成年人保护', '《中华人民共和国未成年人保护法》第一百零六条', true, true, true, 'district', '2021-06-01'),
  ('military', 1, '军人地位和权益保障', '《中华人民共和国军人地位和权益保障法》第六十二条', true, true, true, 'district', '2021-08-01'),
  ('work_safety', 1, '安全生产', '《中华人民共和国安全生产法》第七十四条', true, true, true, 'district', '2021-09-01'),
  ('personal_info', 1, '个人信息保护', '《中华人民共和国个人信息保护法》第七十条', true, true, true, 'district', '2021-11-01'),
  ('antitrust', 1, '反垄断', '《中华人民共和国反垄断法》第六十条', true, false, true, 'city', '2022-08-01'),
  ('telecom_fraud', 1, '反电信网络诈骗', '《中华人民共和国反电信网络诈骗法》第四十七条', true, true, true, 'district', '2022-12-01'),
  ('agri_products', 1, '农产品质量安全', '《中华人民共和国农产品质量安全法》第七十九条', true, true, true, 'district', '2023-01-01'),
  ('women', 1, '妇女权益保障', '《中华人民共和国妇女权益保障法》第七十七条', true, true, true, 'district', '2023-01-01'),
  ('accessibility', 1, '无障碍环境建设', '《中华人民共和国无障碍环境建设法》第六十三条', true, true, true, 'district', '2023-09-01'),
  ('cultural_relics', 1, '文物保护', '《中华人民共和国文物保护法》第九十九条', true, true, true, 'district', '2025-03-01');
